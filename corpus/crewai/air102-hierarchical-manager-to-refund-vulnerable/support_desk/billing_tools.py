import os

import stripe
from crewai.tools import tool

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


@tool("Issue refund")
def issue_refund(charge_id: str, amount_cents: int, reason: str) -> str:  # expect: AIR102
    """Refund part or all of a card charge."""
    refund = stripe.Refund.create(  # path: AIR102
        charge=charge_id,
        amount=amount_cents,
        metadata={"reason": reason},
    )
    return f"refund {refund.id} {refund.status}"


@tool("Look up charge")
def look_up_charge(charge_id: str) -> str:
    """Show the amount and status of a card charge."""
    charge = stripe.Charge.retrieve(charge_id)
    return f"{charge.id}: {charge.amount} {charge.currency} {charge.status}"
