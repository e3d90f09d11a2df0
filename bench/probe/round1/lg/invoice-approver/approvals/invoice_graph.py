"""Accounts-payable pipeline: PDF in, vendor paid out."""
from langgraph.graph import END, START, StateGraph

from approvals.nodes import extract_invoice, flag_for_manual, pay_vendor, review_invoice, validate_invoice
from approvals.state import InvoiceState


def check_validation(state: InvoiceState) -> str:
    return "ok" if state.get("is_valid") else "invalid"


def check_review(state: InvoiceState) -> str:
    return "pay" if state.get("approved") else "manual"


workflow = StateGraph(InvoiceState)
workflow.add_node("extract", extract_invoice)
workflow.add_node("validate", validate_invoice)
workflow.add_node("review", review_invoice)
workflow.add_node("pay", pay_vendor)
workflow.add_node("manual", flag_for_manual)

workflow.add_edge(START, "extract")
workflow.add_edge("extract", "validate")
workflow.add_conditional_edges("validate", check_validation, {"ok": "review", "invalid": "manual"})
workflow.add_conditional_edges("review", check_review, {"pay": "pay", "manual": "manual"})
workflow.add_edge("pay", END)
workflow.add_edge("manual", END)

app = workflow.compile()
