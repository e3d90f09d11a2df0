# case: Same claim graph, but the LLM only writes validation_notes; is_valid is set by a claims agent through graph.update_state() while the graph is paused by interrupt_before=["decide"] (with a checkpointer), so no LLM path writes the flag.
from typing import Literal

import stripe
from langchain_community.document_loaders import WebBaseLoader
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
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
    validation_notes: str = ""
    is_valid: bool = False


def fetch_tracking(state: ClaimState) -> dict:
    docs = WebBaseLoader(CARRIER_TRACKING + state.tracking_number).load()
    return {"carrier_page": docs[0].page_content[:4000]}


def validate_claim(state: ClaimState) -> dict:
    answer = llm.invoke(
        "A customer reports that this parcel never arrived. Summarise in two sentences what "
        "the carrier page says about the delivery, for a human claims agent.\n\n" + state.carrier_page
    )
    return {"validation_notes": answer.content}


def decide(state: ClaimState) -> Command[Literal["refund", "__end__"]]:
    if state.is_valid:
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

graph = builder.compile(checkpointer=InMemorySaver(), interrupt_before=["decide"])
