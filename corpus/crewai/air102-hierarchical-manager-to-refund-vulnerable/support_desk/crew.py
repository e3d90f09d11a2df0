# case: A hierarchical crew built in Python: the manager hands the customer's case to a researcher that searches the web and then to a billing agent that refunds through Stripe, so search results steer refunds through the manager.
from crewai import Agent, Crew, Process, Task
from crewai_tools import SerperDevTool

from .billing_tools import issue_refund, look_up_charge

researcher = Agent(  # path: AIR102
    role="Support Researcher",
    goal="Find what is publicly known about the product issue in the ticket",
    backstory="You search forums, status pages and the web for known issues.",
    tools=[SerperDevTool()],  # path: AIR102
)

billing = Agent(  # path: AIR102
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
    process=Process.hierarchical,  # path: AIR102
    manager_llm="gpt-4o",
)


def handle(ticket_text: str) -> str:
    return desk.kickoff(inputs={"ticket": ticket_text}).raw
