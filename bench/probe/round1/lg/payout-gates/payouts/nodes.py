"""Creator-payout nodes shared by every entry point."""
import os
from typing import TypedDict

import stripe
from langchain.chat_models import init_chat_model
from langgraph.types import interrupt
from pydantic import BaseModel

stripe.api_key = os.environ.get("STRIPE_API_KEY", "")
planner_llm = init_chat_model(os.getenv("PAYOUT_MODEL", "openai:gpt-4.1-mini"))


class PayoutState(TypedDict, total=False):
    request: str
    account_id: str
    amount_cents: int
    memo: str
    approved_by: str
    transfer_id: str


class PayoutPlan(BaseModel):
    account_id: str
    amount_cents: int
    memo: str


def plan_payout(state: PayoutState) -> dict:
    plan = planner_llm.with_structured_output(PayoutPlan).invoke(
        "Turn this creator payout request into a Stripe transfer plan "
        f"(connected account id, amount in cents, memo):\n\n{state['request']}"
    )
    return plan.model_dump()


def pay(state: PayoutState) -> dict:
    transfer = stripe.Transfer.create(
        amount=state["amount_cents"],
        currency="usd",
        destination=state["account_id"],
        description=state.get("memo", "creator payout"),
    )
    return {"transfer_id": transfer.id}


def approve(state: PayoutState) -> dict:
    who = interrupt({"confirm": f"Send {state['amount_cents'] / 100:.2f} USD to {state['account_id']}?"})
    return {"approved_by": who}


def small_or_large(state: PayoutState) -> str:
    return "small" if state.get("amount_cents", 0) < 5_000 else "large"
