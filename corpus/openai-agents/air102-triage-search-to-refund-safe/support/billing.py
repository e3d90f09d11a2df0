# The refunds agent and its Stripe tool, in their own module.
import stripe
from agents import Agent, function_tool


@function_tool(needs_approval=True)
def issue_refund(charge_id: str, amount_cents: int) -> str:
    """Refund part or all of a card charge to the customer."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return f"refund {refund.id} is {refund.status}"


@function_tool
def lookup_charge(charge_id: str) -> str:
    """Look up a card charge."""
    charge = stripe.Charge.retrieve(charge_id)
    return f"{charge.id}: {charge.amount} {charge.currency}"


refunds_agent = Agent(
    name="Refunds",
    handoff_description="Issues refunds for disputed charges.",
    instructions="Refund the charge the customer disputes when the policy allows it.",
    tools=[lookup_charge, issue_refund],
)
