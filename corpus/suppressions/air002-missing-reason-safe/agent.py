# case: The same suppression with a reason a reviewer can check.
import stripe
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver


@tool("refund")
def issue_refund(charge_id: str, amount_cents: int) -> str:  # airlock: ignore[AIR101] refunds are capped at 20 EUR in the Stripe dashboard (BILL-142)
    """Refund part or all of a card charge to the customer."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return f"refund {refund.id} is {refund.status}"


@tool
def cancel_payment(payment_intent_id: str) -> str:
    """Cancel a payment intent that has not been captured yet."""
    intent = stripe.PaymentIntent.cancel(payment_intent_id)
    return f"payment {intent.id} is now {intent.status}"


agent = create_agent(
    "openai:gpt-4.1",
    tools=[TavilySearch(max_results=3), cancel_payment, issue_refund],
    system_prompt="You are the billing desk. Check the merchant's refund policy on the web first.",
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"cancel_payment": True})],
    checkpointer=InMemorySaver(),
)
