from fastapi import FastAPI
from langgraph.types import Command
from pydantic import BaseModel

from graph import graph

app = FastAPI()


class Claim(BaseModel):
    claim_id: str
    employee_account: str
    amount_cents: int
    description: str


class ManagerDecision(BaseModel):
    claim_id: str
    decision: str


@app.post("/claims")
def submit_claim(claim: Claim) -> dict:
    config = {"configurable": {"thread_id": claim.claim_id}}
    state = graph.invoke(
        {
            "employee_account": claim.employee_account,
            "amount_cents": claim.amount_cents,
            "description": claim.description,
        },
        config,
    )
    return {"status": "awaiting manager" if "__interrupt__" in state else state["review_notes"]}


@app.post("/manager/decisions")  # routed only through the manager portal's SSO
def decide(body: ManagerDecision) -> dict:
    config = {"configurable": {"thread_id": body.claim_id}}
    state = graph.invoke(Command(resume=body.decision), config)
    return {"status": state["review_notes"]}
