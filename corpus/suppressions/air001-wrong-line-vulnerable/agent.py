# case: The suppression sits on the decorator line, but AIR101 is reported on the `def` line: the suppression matches nothing and the finding still fires.
import stripe
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver


# expect: AIR001
@tool("refund")  # airlock: ignore[AIR101] refunds are capped at 20 EUR in the Stripe dashboard
# expect: AIR101
def issue_refund(charge_id: str, amount_cents: int) -> str:
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
