from fastapi import FastAPI
from langgraph.types import Command
from pydantic import BaseModel

from .agent import storage_agent

app = FastAPI()


class Request(BaseModel):
    workspace: str
    text: str


@app.post("/workspace/assistant")
def assistant(req: Request) -> dict:
    config = {"configurable": {"thread_id": req.workspace}}
    state = storage_agent.invoke({"messages": [("user", req.text)]}, config)
    if "__interrupt__" in state:
        return {"pending": [tc["args"] for tc in state["messages"][-1].tool_calls]}
    return {"reply": state["messages"][-1].content}


@app.post("/workspace/assistant/confirm")
def confirm(req: Request) -> dict:
    config = {"configurable": {"thread_id": req.workspace}}
    state = storage_agent.invoke(Command(resume=True), config)
    return {"reply": state["messages"][-1].content}
