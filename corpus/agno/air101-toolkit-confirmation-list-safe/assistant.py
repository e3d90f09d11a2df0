from agno.agent import Agent
from agno.models.openai import OpenAIChat
from agno.tools.duckduckgo import DuckDuckGoTools

from payouts import PayoutTools

finance_agent = Agent(
    name="finance",
    model=OpenAIChat(id="gpt-4o"),
    tools=[DuckDuckGoTools(), PayoutTools(requires_confirmation_tools=["send_payout"])],
    instructions="Pay suppliers whose invoices you can verify online.",
)

if __name__ == "__main__":
    finance_agent.print_response(input("Request: "))
