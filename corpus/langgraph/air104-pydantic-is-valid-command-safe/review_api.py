from fastapi import FastAPI
from pydantic import BaseModel

from claims import graph

app = FastAPI(title="claims review console")


class Verdict(BaseModel):
    claim_id: str
    is_valid: bool


@app.get("/claims/{claim_id}")
def show_claim(claim_id: str) -> dict:
    snapshot = graph.get_state({"configurable": {"thread_id": claim_id}})
    return {"notes": snapshot.values.get("validation_notes"), "waiting_at": list(snapshot.next)}


@app.post("/claims/verdict")  # internal console, claims staff only
def record_verdict(verdict: Verdict) -> dict:
    config = {"configurable": {"thread_id": verdict.claim_id}}
    graph.update_state(config, {"is_valid": verdict.is_valid})
    graph.invoke(None, config)
    return {"claim_id": verdict.claim_id, "refunded": verdict.is_valid}
