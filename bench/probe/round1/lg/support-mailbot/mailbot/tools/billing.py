"""Stripe lookups and refunds. Refunds always pause for an operator."""
import stripe
from langchain_core.tools import tool
from langgraph.types import interrupt

from mailbot.settings import settings

stripe.api_key = settings.stripe_api_key


@tool
def lookup_charges(customer_email: str, limit: int = 5) -> list[dict]:
    """List a customer's most recent charges (id, amount in cents, status, refunded)."""
    customers = stripe.Customer.list(email=customer_email, limit=1).data
    if not customers:
        return []
    charges = stripe.Charge.list(customer=customers[0].id, limit=limit).data
    return [
        {"id": c.id, "amount": c.amount, "currency": c.currency, "status": c.status, "refunded": c.refunded}
        for c in charges
    ]


@tool
def issue_refund(charge_id: str, amount_cents: int, reason: str) -> str:
    """Refund all or part of a charge. An operator reviews every refund before it is made."""
    decision = interrupt(
        {
            "action": "issue_refund",
            "charge_id": charge_id,
            "amount_cents": amount_cents,
            "reason": reason,
        }
    )
    if not isinstance(decision, dict) or decision.get("type") != "approve":
        return "The operator declined this refund. Tell the customer a teammate will follow up."
    amount = int(decision.get("amount_cents", amount_cents))
    refund = stripe.Refund.create(charge=charge_id, amount=amount, reason="requested_by_customer")
    return f"refund {refund.id} is {refund.status}"
