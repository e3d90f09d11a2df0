"""The escalation workflow: an API hands a ticket to a model that can export transcripts."""

from typing import Annotated, TypedDict

from fastapi import FastAPI
from langchain.chat_models import init_chat_model
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.prebuilt import ToolNode, tools_condition

from desk.tools import export_ticket


class State(TypedDict):
    messages: Annotated[list, add_messages]


llm = init_chat_model("openai:gpt-4.1").bind_tools([export_ticket])


def escalate(state: State) -> dict:
    return {"messages": [llm.invoke(state["messages"])]}


builder = StateGraph(State)
builder.add_node("escalate", escalate)
builder.add_node("tools", ToolNode([export_ticket]))
builder.add_edge(START, "escalate")
builder.add_conditional_edges("escalate", tools_condition)
builder.add_edge("tools", "escalate")
workflow = builder.compile(checkpointer=InMemorySaver(), interrupt_before=["tools"])

app = FastAPI()


@app.post("/tickets/{ticket_id}/escalate")
def escalate_ticket(ticket_id: str, text: str) -> dict:
    config = {"configurable": {"thread_id": ticket_id}}
    return workflow.invoke({"messages": [("user", text)]}, config)
