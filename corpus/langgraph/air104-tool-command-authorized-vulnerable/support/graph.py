# case: The model-called tool record_identity_check writes is_authorized through Command(update=...), and the close_account node trusts that flag before an UPDATE, so a chat user can talk the model into "verifying" them.
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
    "You are account support. Verify the caller's identity before account changes. "
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
    if not state.get("is_authorized"):  # expect: AIR104
        return {"messages": [AIMessage("I need to verify your identity before closing the account.")]}
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
