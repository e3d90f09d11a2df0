from __future__ import annotations

import os

import requests
import stripe
from langchain_core.tools import tool

from ..approvals import NotApproved, require_operator_ok

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
ORDERS_API = os.environ.get("ORDERS_API", "http://orders.internal:8080")


@tool
def lookup_order(order_id: str) -> dict:
    """Look up an order (status, total, payment intent) by its id."""
    resp = requests.get(f"{ORDERS_API}/v1/orders/{int(order_id)}", timeout=10)
    resp.raise_for_status()
    return resp.json()


@tool
def issue_refund(order_id: str, amount_cents: int, reason: str) -> str:
    """Refund part or all of an order. An operator has to approve every refund."""
    order = lookup_order.invoke({"order_id": order_id})
    if amount_cents > order["total_cents"]:
        return "Refund amount exceeds the order total."
    try:
        require_operator_ok("refund", order_id=order_id, amount_cents=amount_cents, reason=reason)
    except NotApproved as exc:
        return str(exc)
    refund = stripe.Refund.create(
        payment_intent=order["payment_intent"],
        amount=amount_cents,
        metadata={"order_id": order_id, "reason": reason[:200]},
    )
    return f"refund {refund.id} status={refund.status}"
