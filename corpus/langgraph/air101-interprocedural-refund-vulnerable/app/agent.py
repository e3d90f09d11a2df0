# case: The refund tool's body only calls `billing.issue_refund`; the Stripe call is three calls down (a service class method, a module function, a retry-decorated helper) in other modules. The agent also reads web pages, and no approval covers the refund.
from langchain.agents import create_agent
from langchain.tools import tool
from langchain_community.document_loaders import WebBaseLoader
from langgraph.checkpoint.memory import InMemorySaver

from app.billing import BillingService

billing = BillingService()


@tool
def read_policy_page(url: str) -> str:
    """Fetch the merchant's published refund policy page."""
    return WebBaseLoader(url).load()[0].page_content


@tool
def refund(charge_id: str, amount_cents: int) -> str:  # expect: AIR101
    """Refund a customer's card charge."""
    return billing.issue_refund(charge_id, amount_cents)


agent = create_agent(
    "openai:gpt-4.1",
    tools=[read_policy_page, refund],
    system_prompt="Resolve refund disputes using the merchant's published policy.",
    checkpointer=InMemorySaver(),
)
