# case: Same agent and the same three-calls-down refund, but the HITL middleware makes every `refund` call wait for a human decision.
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
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
def refund(charge_id: str, amount_cents: int) -> str:
    """Refund a customer's card charge."""
    return billing.issue_refund(charge_id, amount_cents)


agent = create_agent(
    "openai:gpt-4.1",
    tools=[read_policy_page, refund],
    system_prompt="Resolve refund disputes using the merchant's published policy.",
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"refund": True})],
    checkpointer=InMemorySaver(),
)
