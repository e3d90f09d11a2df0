from fastapi import FastAPI
from pydantic import BaseModel

from graph import graph

app = FastAPI()


class Claim(BaseModel):
    claim_id: str
    employee_account: str
    amount_cents: int
    description: str


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
    return {"notes": state["review_notes"]}
