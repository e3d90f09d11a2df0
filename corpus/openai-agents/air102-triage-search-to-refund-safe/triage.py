# case: the done-when pair, fixed: `@function_tool(needs_approval=True)` on the refund tool, so
# every refund interrupts the run until a person approves it (`result.interruptions`,
# `state.approve(...)`). The run loop asks the operator at the console.
import asyncio

from agents import Agent, Runner, WebSearchTool

from support.billing import refunds_agent

triage_agent = Agent(
    name="Triage",
    instructions=(
        "Read the merchant's published refund policy on the web, then hand disputes to Refunds."
    ),
    tools=[WebSearchTool()],
    handoffs=[refunds_agent],
)


async def main() -> None:
    result = await Runner.run(triage_agent, "Customer 4411 disputes charge ch_3Nx.")
    while result.interruptions:
        state = result.to_state()
        for item in result.interruptions:
            answer = input(f"Approve {item.name} {item.arguments}? [y/N] ")
            if answer.strip().lower() == "y":
                state.approve(item)
            else:
                state.reject(item)
        result = await Runner.run(triage_agent, state)
    print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
