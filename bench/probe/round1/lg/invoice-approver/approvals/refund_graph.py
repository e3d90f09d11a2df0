"""Customer refund flow. The model proposes an amount; a manager signs off in the dashboard."""
import os

import stripe
from langchain.chat_models import init_chat_model
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.graph import END, START, StateGraph
from langgraph.types import interrupt
from pydantic import BaseModel

from approvals.state import RefundState

llm = init_chat_model(os.getenv("AP_MODEL", "openai:gpt-4.1"), temperature=0)


class RefundProposal(BaseModel):
    amount_cents: int
    reason: str


def propose_refund(state: RefundState) -> dict:
    proposal = llm.with_structured_output(RefundProposal).invoke(
        f"Read this support ticket and propose a refund amount in cents with a short reason:\n\n{state['ticket_text']}"
    )
    return {"amount_cents": proposal.amount_cents, "reason": proposal.reason}


def manager_signoff(state: RefundState) -> dict:
    answer = interrupt(
        {
            "kind": "refund_approval",
            "customer_id": state["customer_id"],
            "amount_cents": state["amount_cents"],
            "reason": state["reason"],
        }
    )
    return {"approved": answer == "approve"}


def issue_refund(state: RefundState) -> dict:
    refund = stripe.Refund.create(
        customer=state["customer_id"], amount=state["amount_cents"], metadata={"reason": state["reason"]}
    )
    return {"refund_id": refund.id}


def after_signoff(state: RefundState) -> str:
    return "refund" if state.get("approved") else "done"


def build_refund_graph(checkpointer: PostgresSaver):
    g = StateGraph(RefundState)
    g.add_node("propose", propose_refund)
    g.add_node("signoff", manager_signoff)
    g.add_node("refund", issue_refund)
    g.add_edge(START, "propose")
    g.add_edge("propose", "signoff")
    g.add_conditional_edges("signoff", after_signoff, {"refund": "refund", "done": END})
    g.add_edge("refund", END)
    return g.compile(checkpointer=checkpointer)


if __name__ == "__main__":
    with PostgresSaver.from_conn_string(os.environ["CHECKPOINT_DSN"]) as saver:
        saver.setup()
        graph = build_refund_graph(saver)
        cfg = {"configurable": {"thread_id": "refund-demo"}}
        graph.invoke({"ticket_text": "I was charged twice for March.", "customer_id": "cus_demo"}, cfg)
