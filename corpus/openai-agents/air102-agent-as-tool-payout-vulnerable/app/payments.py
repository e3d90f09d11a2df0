# The payments agent: it pays suppliers out through Stripe.
import stripe
from agents import Agent, function_tool


@function_tool
async def pay_supplier(account_id: str, amount_cents: int) -> str:  # expect: AIR102
    """Pay a supplier's connected account."""
    payout = stripe.Transfer.create(amount=amount_cents, currency="usd", destination=account_id)  # path: AIR102
    return payout.id


payments_agent = Agent(  # path: AIR102
    name="Payments",
    instructions="Pay the supplier the amount you are asked to pay.",
    tools=[pay_supplier],
)
