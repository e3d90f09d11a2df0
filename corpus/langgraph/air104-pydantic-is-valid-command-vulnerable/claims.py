# case: A lost-parcel claim graph with a pydantic state: an LLM node sets is_valid from the carrier page it read, and the decide node returns Command(goto="refund") on state.is_valid, so page text can forge a valid claim.
from typing import Literal

import stripe
from langchain_community.document_loaders import WebBaseLoader
from langchain_openai import ChatOpenAI
from langgraph.graph import START
from langgraph.graph import StateGraph as SG
from langgraph.types import Command
from pydantic import BaseModel

CARRIER_TRACKING = "https://tracking.parcel-carrier.example/track/"

llm = ChatOpenAI(model="gpt-4.1-mini", temperature=0)


class ClaimState(BaseModel):
    order_id: str
    payment_intent: str
    amount_cents: int
    tracking_number: str
    carrier_page: str = ""
    is_valid: bool = False


def fetch_tracking(state: ClaimState) -> dict:
    docs = WebBaseLoader(CARRIER_TRACKING + state.tracking_number).load()
    return {"carrier_page": docs[0].page_content[:4000]}


def validate_claim(state: ClaimState) -> dict:
    answer = llm.invoke(
        "A customer reports that this parcel never arrived. Reply with exactly VALID if the "
        "carrier page shows it was lost or returned, otherwise INVALID.\n\n" + state.carrier_page
    )
    return {"is_valid": answer.content.strip().upper() == "VALID"}


def decide(state: ClaimState) -> Command[Literal["refund", "__end__"]]:
    if state.is_valid:  # expect: AIR104
        return Command(goto="refund")
    return Command(goto="__end__")


def refund(state: ClaimState) -> dict:
    stripe.Refund.create(payment_intent=state.payment_intent, amount=state.amount_cents)
    return {}


builder = SG(ClaimState)
builder.add_node("fetch_tracking", fetch_tracking)
builder.add_node("validate_claim", validate_claim)
builder.add_node("decide", decide)
builder.add_node("refund", refund)
builder.add_edge(START, "fetch_tracking")
builder.add_edge("fetch_tracking", "validate_claim")
builder.add_edge("validate_claim", "decide")

graph = builder.compile()
