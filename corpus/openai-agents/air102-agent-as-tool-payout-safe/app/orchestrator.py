# case: the same orchestrator, with `needs_approval=True` on the agent-as-tool: a person approves
# each request before the payments agent runs.
from agents import Agent, Runner, WebSearchTool

from app.payments import payments_agent

PAYMENTS_TOOL = payments_agent.as_tool(
    tool_name="pay_supplier_invoice",
    tool_description="Ask the payments desk to pay a supplier invoice.",
    needs_approval=True,
)

orchestrator = Agent(
    name="Accounts payable",
    instructions="Find this week's supplier invoices online and get each one paid.",
    tools=[WebSearchTool(), PAYMENTS_TOOL],
)


def run_weekly() -> str:
    return Runner.run_sync(orchestrator, "Process this week's invoices.").final_output
