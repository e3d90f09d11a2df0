# case: Agents built by one factory function: the research agent has web search, the billing agent has the refund tool, and no route joins them, so untrusted search results never reach the refund tool.
import stripe
from langchain.agents import create_agent
from langchain_core.tools import tool
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver

MODEL = "openai:gpt-4.1"


@tool("refund")
def refund_charge(charge_id: str, amount_cents: int) -> str:
    """Refund part of a card charge."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return f"refund {refund.id}: {refund.status}"


def make_agent(name: str, tools: list, prompt: str):
    return create_agent(MODEL, tools=tools, name=name, system_prompt=prompt, checkpointer=InMemorySaver())


research_agent = make_agent("research", [TavilySearch(max_results=5)], "Research questions on the web.")
billing_agent = make_agent("billing", [refund_charge], "Handle refunds requested by staff.")
