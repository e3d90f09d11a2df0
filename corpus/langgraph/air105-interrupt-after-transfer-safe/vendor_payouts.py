# case: Same vendor-payout graph, but the tool asks for approval through an ask_human() helper (which wraps interrupt()) before stripe.Transfer.create, and the graph has a checkpointer, so nothing moves without a yes.
import stripe
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

from approvals import ask_human

VENDOR_ACCOUNTS = {"acme-logistics": "acct_1PqR2sT3uV4wX5yZ", "northwind": "acct_1AbC2dE3fG4hI5jK"}


@tool
def transfer_to_vendor(vendor: str, amount_cents: int, memo: str) -> str:
    """Transfer funds from the platform balance to a vendor's connected account."""
    if not ask_human(f"Send {amount_cents / 100:.2f} USD to {vendor}?", memo=memo):
        return "transfer rejected by finance"
    transfer = stripe.Transfer.create(
        amount=amount_cents,
        currency="usd",
        destination=VENDOR_ACCOUNTS[vendor],
        description=memo,
    )
    return f"transfer {transfer.id} sent"


TOOLS = [transfer_to_vendor]
llm = ChatOpenAI(model="gpt-4.1").bind_tools(TOOLS)


def agent(state: MessagesState) -> dict:
    return {"messages": [llm.invoke(state["messages"])]}


builder = StateGraph(MessagesState)
builder.add_node("agent", agent)
builder.add_node("tools", ToolNode(TOOLS))
builder.add_edge(START, "agent")
builder.add_conditional_edges("agent", tools_condition)
builder.add_edge("tools", "agent")
graph = builder.compile(checkpointer=InMemorySaver())


def run_weekly(week: int) -> None:
    lines = ", ".join(f"{name} 1200.00 USD" for name in VENDOR_ACCOUNTS)
    prompt = f"Pay the week {week} vendor invoices: {lines}."
    graph.invoke({"messages": [("user", prompt)]}, {"configurable": {"thread_id": f"payouts-{week}"}})
