# case: Same reimbursement graph, but the LLM only writes risk notes; state["approved"] is written solely from a manager's interrupt() answer (with a checkpointer), so the model cannot forge the approval the router reads.
from typing import TypedDict

import stripe
from langchain.chat_models import init_chat_model
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.types import interrupt
from pydantic import BaseModel, Field


class ReimbursementState(TypedDict):
    employee_account: str
    amount_cents: int
    description: str
    risk_notes: str
    approved: bool
    review_notes: str


class RiskReview(BaseModel):
    policy_violations: list[str] = Field(description="Policy rules the claim appears to break")
    notes: str = Field(description="One-sentence summary for the approving manager")


reviewer = init_chat_model("anthropic:claude-sonnet-4-5").with_structured_output(RiskReview)

POLICY = "Hotels: at most 250 USD per night. Meals: at most 80 USD per day. No alcohol."


def review(state: ReimbursementState) -> dict:
    verdict = reviewer.invoke(
        f"Travel policy:\n{POLICY}\n\n"
        f"Claim: {state['amount_cents'] / 100:.2f} USD\n"
        f"Employee description: {state['description']}"
    )
    flags = "; ".join(verdict.policy_violations) or "none"
    return {"risk_notes": f"{verdict.notes} (possible violations: {flags})"}


def manager_approval(state: ReimbursementState) -> dict:
    answer = interrupt(
        {
            "amount": f"{state['amount_cents'] / 100:.2f} USD",
            "description": state["description"],
            "risk_notes": state["risk_notes"],
        }
    )
    return {"approved": answer == "approve"}


def route_after_approval(state: ReimbursementState) -> str:
    return "pay" if state["approved"] else "reject"


def pay(state: ReimbursementState) -> dict:
    transfer = stripe.Transfer.create(
        amount=state["amount_cents"],
        currency="usd",
        destination=state["employee_account"],
        description="Expense reimbursement",
    )
    return {"review_notes": f"paid with transfer {transfer.id}"}


def reject(state: ReimbursementState) -> dict:
    return {"review_notes": "rejected by the manager"}


builder = StateGraph(ReimbursementState)
builder.add_node("review", review)
builder.add_node("manager_approval", manager_approval)
builder.add_node("pay", pay)
builder.add_node("reject", reject)
builder.add_edge(START, "review")
builder.add_edge("review", "manager_approval")
builder.add_conditional_edges("manager_approval", route_after_approval, {"pay": "pay", "reject": "reject"})
builder.add_edge("pay", END)
builder.add_edge("reject", END)

graph = builder.compile(checkpointer=InMemorySaver())
