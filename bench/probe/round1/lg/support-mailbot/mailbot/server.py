"""Tiny FastAPI wrapper: start a run, list pending reviews, resume with a decision."""
import uuid

from fastapi import FastAPI
from langgraph.types import Command
from pydantic import BaseModel

from mailbot.agent import agent

app = FastAPI(title="support-mailbot")


class Decision(BaseModel):
    decisions: list[dict] | None = None
    resume: dict | None = None


def _cfg(thread_id: str) -> dict:
    return {"configurable": {"thread_id": thread_id}}


@app.post("/runs")
def start_run() -> dict:
    thread_id = str(uuid.uuid4())
    result = agent.invoke({"messages": [{"role": "user", "content": "Process the support inbox."}]}, _cfg(thread_id))
    return {"thread_id": thread_id, "interrupts": [i.value for i in result.get("__interrupt__", [])]}


@app.post("/runs/{thread_id}/resume")
def resume(thread_id: str, body: Decision) -> dict:
    payload = {"decisions": body.decisions} if body.decisions is not None else body.resume
    result = agent.invoke(Command(resume=payload), _cfg(thread_id))
    return {"thread_id": thread_id, "interrupts": [i.value for i in result.get("__interrupt__", [])]}
