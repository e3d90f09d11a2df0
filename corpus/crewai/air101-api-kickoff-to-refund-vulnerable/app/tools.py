import stripe
from crewai.tools import tool


@tool
def issue_refund(payment_intent: str, amount_cents: int) -> str:  # expect: AIR101
    """Refund a customer's payment."""
    refund = stripe.Refund.create(payment_intent=payment_intent, amount=amount_cents)
    return refund.id
