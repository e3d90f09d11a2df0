# case: An LLM reviewer writes state["approved"] from structured output and the conditional-edge router sends the claim to a Stripe transfer node on that flag, so an employee's prompt-injected description can approve itself.
from typing import TypedDict

import stripe
from langchain.chat_models import init_chat_model
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from pydantic import BaseModel, Field


class ReimbursementState(TypedDict):
    employee_account: str
    amount_cents: int
    description: str
    approved: bool
    review_notes: str


class Review(BaseModel):
    approved: bool = Field(description="True if the expense follows the travel policy")
    notes: str = Field(description="One-sentence justification")


reviewer = init_chat_model("anthropic:claude-sonnet-4-5").with_structured_output(Review)

POLICY = "Hotels: at most 250 USD per night. Meals: at most 80 USD per day. No alcohol."


def review(state: ReimbursementState) -> dict:
    verdict = reviewer.invoke(
        f"Travel policy:\n{POLICY}\n\n"
        f"Claim: {state['amount_cents'] / 100:.2f} USD\n"
        f"Employee description: {state['description']}"
    )
    return {"approved": verdict.approved, "review_notes": verdict.notes}


def route_after_review(state: ReimbursementState) -> str:
    return "pay" if state["approved"] else "reject"  # expect: AIR104


def pay(state: ReimbursementState) -> dict:
    transfer = stripe.Transfer.create(
        amount=state["amount_cents"],
        currency="usd",
        destination=state["employee_account"],
        description="Expense reimbursement",
    )
    return {"review_notes": f"paid with transfer {transfer.id}"}


def reject(state: ReimbursementState) -> dict:
    return {"review_notes": f"rejected: {state['review_notes']}"}


builder = StateGraph(ReimbursementState)
builder.add_node("review", review)
builder.add_node("pay", pay)
builder.add_node("reject", reject)
builder.add_edge(START, "review")
builder.add_conditional_edges("review", route_after_review, {"pay": "pay", "reject": "reject"})
builder.add_edge("pay", END)
builder.add_edge("reject", END)

graph = builder.compile(checkpointer=InMemorySaver())
