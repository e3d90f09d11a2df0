# case: The team relies on human_input=True to approve refunds, but CrewAI asks the person only for feedback on the task's final answer, after the agent has already called the refund tool.
import stripe
from crewai import Agent, Crew, Task
from crewai.tools import tool


@tool("refund_order")
def refund_order(order_id: str, amount_cents: int) -> str:
    """Refund an order."""
    refund = stripe.Refund.create(payment_intent=order_id, amount=amount_cents)  # path: AIR105
    return refund.status


clerk = Agent(
    role="Refund Clerk",
    goal="Refund orders that the returns team marked as eligible",
    backstory="You process the returns queue.",
    tools=[refund_order],
)

process_returns = Task(
    description="Refund every order in today's eligible returns list.",
    expected_output="The refunds issued.",
    agent=clerk,
    human_input=True,  # expect: AIR105
)

crew = Crew(agents=[clerk], tasks=[process_returns])
