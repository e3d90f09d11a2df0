# case: The "supervisor via tools" pattern: the coordinator calls the research agent inside its `ask_researcher` tool and holds `pay_vendor` itself. The researcher reads invoices from the web; its answer comes back as the tool's result, so an invoice page's instructions reach the payout.
import stripe
from langchain.agents import create_agent
from langchain.tools import tool
from langchain_community.document_loaders import WebBaseLoader


@tool
def fetch_invoice(url: str) -> str:  # path: AIR102
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
    result = researcher.invoke({"messages": [{"role": "user", "content": question}]})  # path: AIR102
    return result["messages"][-1].content


@tool
def pay_vendor(vendor_account: str, amount_cents: int) -> str:  # expect: AIR102
    """Pay a vendor to its connected Stripe account."""
    payout = stripe.Payout.create(amount=amount_cents, currency="usd", destination=vendor_account)
    return payout.id


# path: AIR102
coordinator = create_agent(
    "openai:gpt-4.1",
    tools=[ask_researcher, pay_vendor],
    name="coordinator",
    system_prompt="Ask the researcher about each invoice, then pay it.",
)
