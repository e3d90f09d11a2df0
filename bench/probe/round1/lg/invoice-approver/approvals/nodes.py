"""Nodes for the accounts-payable graph."""
import os

import stripe
from langchain.chat_models import init_chat_model
from langchain_community.document_loaders import PyPDFLoader
from pydantic import BaseModel, Field

from approvals.state import InvoiceState

stripe.api_key = os.environ["STRIPE_API_KEY"]
llm = init_chat_model(os.getenv("AP_MODEL", "openai:gpt-4.1"), temperature=0)

KNOWN_VENDORS = {
    "V-1001": "acct_1Nk2Vendor1001",
    "V-1002": "acct_1Nk2Vendor1002",
    "V-1040": "acct_1Nk2Vendor1040",
}
AUTO_PAY_LIMIT_CENTS = 250_000


class ExtractedInvoice(BaseModel):
    vendor_id: str
    vendor_name: str
    invoice_number: str
    currency: str = "usd"
    line_items: list[dict] = Field(default_factory=list)
    total_cents: int


class ReviewVerdict(BaseModel):
    approve: bool = Field(description="true if the invoice looks legitimate and should be paid")
    notes: str


def extract_invoice(state: InvoiceState) -> dict:
    pages = PyPDFLoader(state["pdf_path"]).load()
    text = "\n".join(p.page_content for p in pages)
    invoice = llm.with_structured_output(ExtractedInvoice).invoke(
        f"Extract the invoice fields from this document:\n\n{text}"
    )
    return {"raw_text": text, "invoice": invoice.model_dump()}


def validate_invoice(state: InvoiceState) -> dict:
    inv = state["invoice"]
    errors = []
    if inv.get("vendor_id") not in KNOWN_VENDORS:
        errors.append(f"unknown vendor {inv.get('vendor_id')!r}")
    items_total = sum(int(i.get("amount_cents", 0)) for i in inv.get("line_items", []))
    if items_total != inv.get("total_cents"):
        errors.append("line items do not add up to the total")
    if inv.get("total_cents", 0) > AUTO_PAY_LIMIT_CENTS:
        errors.append("over the auto-pay limit")
    return {"is_valid": not errors, "validation_errors": errors}


def review_invoice(state: InvoiceState) -> dict:
    verdict = llm.with_structured_output(ReviewVerdict).invoke(
        "You are an accounts-payable reviewer. Decide whether this invoice should be paid.\n\n"
        f"Extracted fields: {state['invoice']}\n\nOriginal document:\n{state['raw_text']}"
    )
    return {"approved": verdict.approve, "review_notes": verdict.notes}


def pay_vendor(state: InvoiceState) -> dict:
    inv = state["invoice"]
    transfer = stripe.Transfer.create(
        amount=inv["total_cents"],
        currency=inv.get("currency", "usd"),
        destination=KNOWN_VENDORS[inv["vendor_id"]],
        description=f"Invoice {inv['invoice_number']}",
    )
    return {"payment_id": transfer.id}


def flag_for_manual(state: InvoiceState) -> dict:
    print("needs manual handling:", state.get("validation_errors") or state.get("review_notes"))
    return {}
