# case: an orchestrator reads supplier invoices found on the web and calls the payments agent
# as a tool (`payments_agent.as_tool(...)`): the orchestrator writes the request the payments
# agent acts on, so an invoice page can get a supplier paid. AIR102 over the agent-as-tool route.
from agents import Agent, Runner, WebSearchTool

from app.payments import payments_agent

PAYMENTS_TOOL = payments_agent.as_tool(  # path: AIR102
    tool_name="pay_supplier_invoice",
    tool_description="Ask the payments desk to pay a supplier invoice.",
)

orchestrator = Agent(  # path: AIR102
    name="Accounts payable",
    instructions="Find this week's supplier invoices online and get each one paid.",
    tools=[WebSearchTool(), PAYMENTS_TOOL],  # path: AIR102
)


def run_weekly() -> str:
    return Runner.run_sync(orchestrator, "Process this week's invoices.").final_output
