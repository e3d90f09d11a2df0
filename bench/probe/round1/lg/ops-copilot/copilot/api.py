"""HTTP front end used by the internal chat widget."""
import sqlite3
import uuid

from fastapi import FastAPI
from pydantic import BaseModel

from copilot.agents import make_admin_agent, make_support_agent

db = sqlite3.connect("acme.db", check_same_thread=False)
support_agent = make_support_agent(db)
admin_agent = make_admin_agent(db)

app = FastAPI()


class ChatIn(BaseModel):
    message: str
    thread_id: str | None = None


@app.post("/chat")
def chat(body: ChatIn) -> dict:
    result = support_agent.invoke({"messages": [{"role": "user", "content": body.message}]})
    return {"reply": result["messages"][-1].content}


@app.post("/admin/chat")
def admin_chat(body: ChatIn) -> dict:
    thread_id = body.thread_id or str(uuid.uuid4())
    cfg = {"configurable": {"thread_id": thread_id}}
    result = admin_agent.invoke({"messages": [{"role": "user", "content": body.message}]}, cfg)
    pending = admin_agent.get_state(cfg).next
    return {"thread_id": thread_id, "reply": result["messages"][-1].content, "awaiting_approval": bool(pending)}


@app.post("/admin/approve/{thread_id}")
def admin_approve(thread_id: str) -> dict:
    result = admin_agent.invoke(None, {"configurable": {"thread_id": thread_id}})
    return {"reply": result["messages"][-1].content}
