# case: The same coordinator; `pay_vendor` pauses for a person with `interrupt()` before the payout and the coordinator has a checkpointer, so what the researcher read cannot pay anyone unreviewed.
import stripe
from langchain.agents import create_agent
from langchain.tools import tool
from langchain_community.document_loaders import WebBaseLoader
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import interrupt


@tool
def fetch_invoice(url: str) -> str:
    """Fetch an invoice page and return its text."""
    docs = WebBaseLoader(url).load()
    return "\n".join(d.page_content for d in docs)


researcher = create_agent(
    "openai:gpt-4.1",
    tools=[fetch_invoice],
    name="researcher",
    system_prompt="Read the invoices you are given and report who must be paid and how much.",
)


@tool
def ask_researcher(question: str) -> str:
    """Ask the research agent about an invoice."""
    result = researcher.invoke({"messages": [{"role": "user", "content": question}]})
    return result["messages"][-1].content


@tool
def pay_vendor(vendor_account: str, amount_cents: int) -> str:
    """Pay a vendor to its connected Stripe account."""
    if not interrupt({"pay": vendor_account, "amount_cents": amount_cents}):
        return "payment declined"
    payout = stripe.Payout.create(amount=amount_cents, currency="usd", destination=vendor_account)
    return payout.id


coordinator = create_agent(
    "openai:gpt-4.1",
    tools=[ask_researcher, pay_vendor],
    name="coordinator",
    system_prompt="Ask the researcher about each invoice, then pay it.",
    checkpointer=InMemorySaver(),
)
