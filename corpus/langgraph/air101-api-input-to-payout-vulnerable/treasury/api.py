from fastapi import FastAPI
from pydantic import BaseModel

from .agent import treasury_agent

app = FastAPI(title="treasury assistant")


class ChatRequest(BaseModel):
    session_id: str
    message: str


@app.post("/treasury/chat")
def chat(req: ChatRequest) -> dict:
    config = {"configurable": {"thread_id": req.session_id}}
    result = treasury_agent.invoke({"messages": [{"role": "user", "content": req.message}]}, config)
    return {"reply": result["messages"][-1].content}
