# case: AIR101 — `adk web` serves `root_agent` to customers; it transfers refund requests to a
# billing sub-agent whose refund tool is a plain function in its tool list.
import stripe
from google.adk.agents import LlmAgent
from google.adk.tools import FunctionTool


def issue_refund(charge_id: str, amount_cents: int) -> dict:  # expect: AIR101
    """Refund part of a charge."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)  # path: AIR101
    return {"refund": refund.id}


def order_status(order_id: str) -> dict:
    """Status of an order."""
    return {"order": order_id, "status": "shipped"}


billing = LlmAgent(
    name="billing",
    model="gemini-2.5-flash",
    instruction="Handle refunds.",
    tools=[issue_refund],
)

root_agent = LlmAgent(  # path: AIR101
    name="front_desk",
    model="gemini-2.5-flash",
    instruction="Answer customers; transfer refund requests to billing.",
    tools=[order_status],
    sub_agents=[billing],
)
