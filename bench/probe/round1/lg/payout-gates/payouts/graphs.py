"""Graph factories for the different ways payouts get run."""
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph

from payouts.nodes import PayoutState, approve, pay, plan_payout, small_or_large


def make_builder() -> StateGraph:
    builder = StateGraph(PayoutState)
    builder.add_node("plan", plan_payout)
    builder.add_node("pay", pay)
    builder.add_edge(START, "plan")
    builder.add_edge("plan", "pay")
    builder.add_edge("pay", END)
    return builder


def build_cli_graph():
    """Used by `python -m payouts.cli`; the operator confirms in the terminal before paying."""
    return make_builder().compile(interrupt_before=["pay"])


def build_worker_graph(saver: BaseCheckpointSaver):
    """Queue worker: pauses before the transfer so finance can approve from the dashboard."""
    return make_builder().compile(checkpointer=saver, interrupt_before=["payout"])


def build_service_graph(saver: BaseCheckpointSaver):
    """HTTP service: same pause, resumed by POST /payouts/{id}/approve."""
    return make_builder().compile(checkpointer=saver, interrupt_before=["pay"])


def build_batch_graph(saver: BaseCheckpointSaver):
    """Nightly batch: small payouts are pre-cleared, large ones wait for a human."""
    g = StateGraph(PayoutState)
    g.add_node("plan", plan_payout)
    g.add_node("approve", approve)
    g.add_node("pay", pay)
    g.add_edge(START, "plan")
    g.add_conditional_edges("plan", small_or_large, {"small": "pay", "large": "approve"})
    g.add_edge("approve", "pay")
    g.add_edge("pay", END)
    return g.compile(checkpointer=saver)
