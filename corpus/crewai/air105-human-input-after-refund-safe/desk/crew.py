# case: The same crew; a @before_tool_call hook now stops each refund until a person approves it, and human_input=True stays as a review of the summary.
import stripe
from crewai import Agent, Crew, Task
from crewai.hooks import before_tool_call
from crewai.tools import tool


@tool("refund_order")
def refund_order(order_id: str, amount_cents: int) -> str:
    """Refund an order."""
    refund = stripe.Refund.create(payment_intent=order_id, amount=amount_cents)
    return refund.status


@before_tool_call(tools=["refund_order"])
def approve_refund(context):
    if input(f"Refund {context.tool_input}? [y/N] ").strip().lower() != "y":
        return False
    return None


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
    human_input=True,
)

crew = Crew(agents=[clerk], tasks=[process_returns])
