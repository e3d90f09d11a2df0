from fastapi import FastAPI
from langgraph.types import Command
from pydantic import BaseModel

from .agent import treasury_agent

app = FastAPI(title="treasury assistant")


class ChatRequest(BaseModel):
    session_id: str
    message: str


class Decision(BaseModel):
    session_id: str
    decision: str


def _reply(result: dict) -> dict:
    if "__interrupt__" in result:
        return {"pending_approval": result["__interrupt__"][0].value}
    return {"reply": result["messages"][-1].content}


@app.post("/treasury/chat")
def chat(req: ChatRequest) -> dict:
    config = {"configurable": {"thread_id": req.session_id}}
    result = treasury_agent.invoke({"messages": [{"role": "user", "content": req.message}]}, config)
    return _reply(result)


@app.post("/treasury/admin/approvals")  # routed only through the finance SSO proxy
def decide(body: Decision) -> dict:
    config = {"configurable": {"thread_id": body.session_id}}
    return _reply(treasury_agent.invoke(Command(resume=body.decision), config))
