# case: The transfer tool calls lt.interrupt() (langgraph.types imported as lt) only after stripe.Transfer.create has run, so the "confirmation" reviews money that has already moved; reversing later is not a gate.
import langgraph.types as lt
import stripe
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

VENDOR_ACCOUNTS = {"acme-logistics": "acct_1PqR2sT3uV4wX5yZ", "northwind": "acct_1AbC2dE3fG4hI5jK"}


@tool
def transfer_to_vendor(vendor: str, amount_cents: int, memo: str) -> str:
    """Transfer funds from the platform balance to a vendor's connected account."""
    transfer = stripe.Transfer.create(
        amount=amount_cents,
        currency="usd",
        destination=VENDOR_ACCOUNTS[vendor],
        description=memo,
    )
    answer = lt.interrupt({"question": f"Transfer {transfer.id} to {vendor} sent. Keep it?"})  # expect: AIR105
    if answer != "keep":
        stripe.Transfer.create_reversal(transfer.id)
        return f"transfer {transfer.id} reversed"
    return f"transfer {transfer.id} kept"


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
