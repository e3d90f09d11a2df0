# case: The same refund agent; the pause comes before every refund (the size of the refund only changes what the reviewer is shown), so the approval dominates the call.
import requests
import stripe
from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import interrupt

LIMIT_CENTS = 50_000


@tool
def read_ticket(url: str) -> str:
    """Read a support ticket page."""
    return requests.get(url, timeout=10).text  # expect: AIR106


@tool
def refund(charge_id: str, amount_cents: int) -> str:
    """Refund a card charge."""
    large = amount_cents > LIMIT_CENTS
    if interrupt({"refund": charge_id, "amount_cents": amount_cents, "large": large}) != "approve":
        return "refund declined"
    return stripe.Refund.create(charge=charge_id, amount=amount_cents).status


agent = create_agent("openai:gpt-4.1", tools=[read_ticket, refund], checkpointer=InMemorySaver())
