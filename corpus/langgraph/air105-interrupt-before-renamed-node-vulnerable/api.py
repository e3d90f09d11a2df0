from fastapi import FastAPI
from langgraph.types import Command
from pydantic import BaseModel

from graph import graph

app = FastAPI()

# Every tool call has to be confirmed by a support lead before it runs.
APPROVAL_BREAKPOINTS = [
    "tools",  # expect: AIR105
]


class Ticket(BaseModel):
    ticket_id: str
    text: str


@app.post("/tickets")
def handle_ticket(ticket: Ticket) -> dict:
    config = {"configurable": {"thread_id": ticket.ticket_id}}
    state = graph.invoke({"messages": [("user", ticket.text)]}, config, interrupt_before=APPROVAL_BREAKPOINTS)
    return {"reply": state["messages"][-1].content}


@app.post("/tickets/{ticket_id}/approve")  # support leads only
def approve(ticket_id: str) -> dict:
    config = {"configurable": {"thread_id": ticket_id}}
    state = graph.invoke(None, config, interrupt_before=APPROVAL_BREAKPOINTS)
    return {"reply": state["messages"][-1].content}
