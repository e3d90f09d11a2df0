# case: A billing agent that reads Tavily web results holds a Stripe refund tool; the HITL middleware only lists cancel_payment, so "refund" is auto-approved and injected page text can trigger refunds.
import stripe
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver

BASE_TOOLS = [TavilySearch(max_results=3, topic="general")]


@tool
def cancel_payment(payment_intent_id: str) -> str:
    """Cancel a payment intent that has not been captured yet."""
    intent = stripe.PaymentIntent.cancel(payment_intent_id)
    return f"payment {intent.id} is now {intent.status}"


@tool("refund")
def issue_refund(charge_id: str, amount_cents: int, reason: str = "requested_by_customer") -> str:  # expect: AIR101
    """Refund part or all of a card charge to the customer."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents, reason=reason)
    return f"refund {refund.id} is {refund.status}"


tools = BASE_TOOLS + [cancel_payment, issue_refund]

agent = create_agent(
    "openai:gpt-4.1",
    tools=tools,
    system_prompt=(
        "You are the billing desk. Look up the merchant's published refund policy on the web "
        "when a customer disputes a charge, then resolve the request."
    ),
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"cancel_payment": True})],
    checkpointer=InMemorySaver(),
)
