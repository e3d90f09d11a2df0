"""Inbox triage graph: read new tickets, look things up, reply or refund."""
from __future__ import annotations

import sqlite3

from langchain.chat_models import init_chat_model
from langchain_core.messages import SystemMessage
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

from .tools import SUPPORT_TOOLS

SYSTEM_PROMPT = """You are the first-line support agent for Parcelly.
Check the inbox with fetch_unread, look up the orders customers mention,
answer questions with send_reply and refund damaged or lost parcels with issue_refund.
Be concise and friendly. Never promise delivery dates."""

_llm = init_chat_model("anthropic:claude-sonnet-4-5", temperature=0)
_llm_with_tools = _llm.bind_tools(SUPPORT_TOOLS)


def support_agent(state: MessagesState) -> dict:
    reply = _llm_with_tools.invoke([SystemMessage(SYSTEM_PROMPT), *state["messages"]])
    return {"messages": [reply]}


def build_graph(db_path: str = "helpdesk-checkpoints.sqlite"):
    builder = StateGraph(MessagesState)
    builder.add_node("support_agent", support_agent)
    builder.add_node("tools", ToolNode(SUPPORT_TOOLS))
    builder.add_edge(START, "support_agent")
    builder.add_conditional_edges("support_agent", tools_condition)
    builder.add_edge("tools", "support_agent")
    conn = sqlite3.connect(db_path, check_same_thread=False)
    return builder.compile(checkpointer=SqliteSaver(conn))


if __name__ == "__main__":
    graph = build_graph()
    cfg = {"configurable": {"thread_id": "inbox-sweep"}}
    for event in graph.stream({"messages": [("user", "Process the unread tickets.")]}, cfg, stream_mode="values"):
        event["messages"][-1].pretty_print()
