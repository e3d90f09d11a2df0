# case: The same hierarchical crew, with a hook registered imperatively (register_before_tool_call_hook) that asks a person before every refund and blocks it unless they approve.
from crewai import Agent, Crew, Process, Task
from crewai.hooks import register_before_tool_call_hook
from crewai_tools import SerperDevTool

from .approvals import approve_refunds
from .billing_tools import issue_refund, look_up_charge

register_before_tool_call_hook(approve_refunds)

researcher = Agent(
    role="Support Researcher",
    goal="Find what is publicly known about the product issue in the ticket",
    backstory="You search forums, status pages and the web for known issues.",
    tools=[SerperDevTool()],
)

billing = Agent(
    role="Billing Specialist",
    goal="Settle billing problems fairly and quickly",
    backstory="You can look up charges and issue refunds.",
    tools=[look_up_charge, issue_refund],
)

investigate = Task(
    description="Investigate the ticket: {ticket}",
    expected_output="What went wrong and whether the customer is owed money.",
    agent=researcher,
)

settle = Task(
    description="Settle the billing side of the ticket according to the investigation.",
    expected_output="The refund issued, if any.",
    agent=billing,
)

desk = Crew(
    agents=[researcher, billing],
    tasks=[investigate, settle],
    process=Process.hierarchical,
    manager_llm="gpt-4o",
)


def handle(ticket_text: str) -> str:
    return desk.kickoff(inputs={"ticket": ticket_text}).raw
