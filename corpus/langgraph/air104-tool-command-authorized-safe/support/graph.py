# case: Same support graph, but is_authorized comes from the authenticated session (MFA status) passed in by the API handler and no tool or LLM node writes it, so the close_account check cannot be forged by the model.
import sqlite3
from typing import Literal

from langchain_core.messages import AIMessage
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode

from .tools import TOOLS

DB = sqlite3.connect("accounts.sqlite3", check_same_thread=False)

SYSTEM = (
    "You are account support. "
    "When the caller wants their account closed, answer with the marker [CLOSE_ACCOUNT]."
)


class SupportState(MessagesState):
    account_id: str
    is_authorized: bool


llm = ChatOpenAI(model="gpt-4.1").bind_tools(TOOLS)


def agent(state: SupportState) -> dict:
    return {"messages": [llm.invoke([("system", SYSTEM), *state["messages"]])]}


def route(state: SupportState) -> Literal["tools", "close_account", "__end__"]:
    last = state["messages"][-1]
    if last.tool_calls:
        return "tools"
    if "[CLOSE_ACCOUNT]" in last.content:
        return "close_account"
    return END


def close_account(state: SupportState) -> dict:
    if not state.get("is_authorized"):
        return {"messages": [AIMessage("Please sign in again with two-factor authentication to close the account.")]}
    cur = DB.cursor()
    cur.execute("UPDATE accounts SET status = 'closed' WHERE id = ?", (state["account_id"],))
    DB.commit()
    return {"messages": [AIMessage("Your account is closed.")]}


builder = StateGraph(SupportState)
builder.add_node("agent", agent)
builder.add_node("tools", ToolNode(TOOLS))
builder.add_node("close_account", close_account)
builder.add_edge(START, "agent")
builder.add_conditional_edges("agent", route)
builder.add_edge("tools", "agent")
builder.add_edge("close_account", END)

graph = builder.compile(checkpointer=InMemorySaver())
