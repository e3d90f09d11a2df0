# case: the done-when pair. A triage agent reads the merchant's refund policy with the
# hosted web search tool and hands the conversation off to a refunds agent (plain agent in
# `handoffs=`) whose `@function_tool` calls `stripe.Refund.create`. A web page can tell the
# triage agent to hand off and the refunds agent to refund: AIR102 with the full path.
import asyncio

from agents import Agent, Runner, WebSearchTool

from support.billing import refunds_agent

triage_agent = Agent(  # path: AIR102
    name="Triage",
    instructions=(
        "Read the merchant's published refund policy on the web, then hand disputes to Refunds."
    ),
    tools=[WebSearchTool()],  # path: AIR102
    handoffs=[refunds_agent],  # path: AIR102
)


async def main() -> None:
    result = await Runner.run(triage_agent, "Customer 4411 disputes charge ch_3Nx.")
    print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
