# case: AIR101 (safe) — `adk web` serves `root_agent` to customers; it transfers refund requests to a
# billing sub-agent whose refund tool is a plain function in its tool list, wrapped as `FunctionTool(..., require_confirmation=True)`: a person confirms each call.
import stripe
from google.adk.agents import LlmAgent
from google.adk.tools import FunctionTool


def issue_refund(charge_id: str, amount_cents: int) -> dict:
    """Refund part of a charge."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return {"refund": refund.id}


def order_status(order_id: str) -> dict:
    """Status of an order."""
    return {"order": order_id, "status": "shipped"}


billing = LlmAgent(
    name="billing",
    model="gemini-2.5-flash",
    instruction="Handle refunds.",
    tools=[FunctionTool(issue_refund, require_confirmation=True)],
)

root_agent = LlmAgent(
    name="front_desk",
    model="gemini-2.5-flash",
    instruction="Answer customers; transfer refund requests to billing.",
    tools=[order_status],
    sub_agents=[billing],
)
