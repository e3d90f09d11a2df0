# case: AIR102 safe — as the vulnerable case, with `needs_approval=True` on the refund tool.
# The refunds desk: it looks orders up in the shop database and refunds through Stripe.
import sqlite3

import stripe
from agents import Agent, function_tool

DB_PATH = "shop.db"


@function_tool
def lookup_order(order_id: str) -> str:
    """Look up an order and the charge that paid for it."""
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute(
            "SELECT id, charge_id, total_cents, note FROM orders WHERE id = ?", (order_id,)
        ).fetchone()
    return str(row)


@function_tool(needs_approval=True)
def issue_refund(charge_id: str, amount_cents: int) -> str:
    """Refund a card charge."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return f"refund {refund.id}: {refund.status}"


refunds_agent = Agent(
    name="Refunds",
    handoff_description="Handles refund requests once the order is known.",
    instructions="Find the order, then refund it if the customer asks.",
    tools=[lookup_order, issue_refund],
)
