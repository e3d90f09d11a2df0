"""Webhook receiver: Alertmanager posts here and the assistant works the alert."""

import httpx
from fastapi import FastAPI, Request
from pydantic_ai import DeferredToolRequests, DeferredToolResults

from ops.agent import build_agent
from ops.settings import OpsDeps

app = FastAPI()
agent = build_agent()
PENDING: dict[str, tuple] = {}


@app.post("/alertmanager")
async def alert(request: Request) -> dict:
    payload = await request.json()
    alerts = payload.get("alerts", [])
    summary = "\n".join(
        f"- {a['labels'].get('alertname')} on {a['labels'].get('service')}: "
        f"{a['annotations'].get('description', '')} ({a.get('generatorURL', '')})"
        for a in alerts
    )
    async with httpx.AsyncClient() as http:
        result = await agent.run(f"New alerts:\n{summary}", deps=OpsDeps(http=http))
    if isinstance(result.output, DeferredToolRequests):
        key = payload.get("groupKey", "latest")
        PENDING[key] = (result.all_messages(), result.output)
        return {"status": "awaiting_approval", "calls": [c.tool_name for c in result.output.approvals]}
    return {"status": "done", "answer": result.output}


@app.post("/approve/{key}")
async def approve(key: str, decisions: dict[str, bool]) -> dict:
    history, requests = PENDING.pop(key)
    results = DeferredToolResults(
        approvals={call.tool_call_id: decisions.get(call.tool_call_id, False) for call in requests.approvals}
    )
    async with httpx.AsyncClient() as http:
        result = await agent.run(message_history=history, deferred_tool_results=results, deps=OpsDeps(http=http))
    return {"status": "done", "answer": str(result.output)}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, port=8088)
