"""Payments agent: pays approved invoices and files the audit report."""

from langchain.agents import create_agent

from app.llm import get_model
from app.tools import PAYMENT_TOOLS

PAYMENTS_PROMPT = """You are the payments agent of Example Corp.
The invoice above has been approved by accounts payable. Pay the vendor the approved
amount with issue_payout, then file a payment report for the audit trail with
export_payment_report, named after the invoice number."""

payments_agent = create_agent(
    get_model(),
    tools=PAYMENT_TOOLS,
    system_prompt=PAYMENTS_PROMPT,
    name="payments",
)
