# case: A refund agent that reads the customer's ticket page asks a person only for refunds above $500: `interrupt()` sits inside an `if`, so it does not cover every refund. A ticket can ask for many $499 refunds. Reported as a conditional approval: one severity level lower, with the pause as a path step.
import requests
import stripe
from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import interrupt

LIMIT_CENTS = 50_000


@tool
def read_ticket(url: str) -> str:  # path: AIR101
    """Read a support ticket page."""
    return requests.get(url, timeout=10).text  # expect: AIR106


@tool
def refund(charge_id: str, amount_cents: int) -> str:  # expect: AIR101
    """Refund a card charge."""
    if amount_cents > LIMIT_CENTS:
        if interrupt({"refund": charge_id, "amount_cents": amount_cents}) != "approve":  # path: AIR101
            return "refund declined"
    return stripe.Refund.create(charge=charge_id, amount=amount_cents).status


agent = create_agent("openai:gpt-4.1", tools=[read_ticket, refund], checkpointer=InMemorySaver())
