# case: Same loop-registered graph; the API handler pauses before "run_tools", the real name of the ToolNode, and the graph has a checkpointer, so refund_order only runs after a support lead resumes the thread.
from typing import Literal

import requests
import stripe
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode


@tool
def fetch_page(url: str) -> str:
    """Fetch a web page (carrier tracking, merchant policy) and return its text."""
    resp = requests.get(url, timeout=10)  # expect: AIR106
    resp.raise_for_status()
    return resp.text[:5000]


@tool
def refund_order(payment_intent_id: str, amount_cents: int) -> str:
    """Refund an order's payment, fully or partially."""
    refund = stripe.Refund.create(payment_intent=payment_intent_id, amount=amount_cents)
    return f"refund {refund.id}: {refund.status}"


TOOLS = [fetch_page, refund_order]
model = ChatOpenAI(model="gpt-4.1").bind_tools(TOOLS)


def call_model(state: MessagesState) -> dict:
    return {"messages": [model.invoke(state["messages"])]}


def route(state: MessagesState) -> Literal["run_tools", "__end__"]:
    return "run_tools" if state["messages"][-1].tool_calls else END


NODES = {"agent": call_model, "run_tools": ToolNode(TOOLS)}

builder = StateGraph(MessagesState)
for name, node in NODES.items():
    builder.add_node(name, node)
builder.add_edge(START, "agent")
builder.add_conditional_edges("agent", route)
builder.add_edge("run_tools", "agent")

graph = builder.compile(checkpointer=InMemorySaver())
