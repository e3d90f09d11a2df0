"""Coordinator: reads the submitted invoices and lets the AP reviewer decide on them."""

from typing import Literal

from langchain_community.document_loaders import PyPDFLoader
from langchain_core.messages import AIMessage, HumanMessage
from langgraph.types import Command
from pydantic import BaseModel, Field

from app.config import settings
from app.llm import get_model
from app.state import ExpenseState

REVIEW_PROMPT = """You are the accounts-payable reviewer of Example Corp.
Read the invoice and extract the vendor's Stripe connected account id (acct_...),
the amount due in the smallest currency unit and the currency.
Approve the invoice only if it is addressed to Example Corp, is not a duplicate,
and the amount is plausible for the goods or services listed."""


class ReviewDecision(BaseModel):
    vendor_account: str = Field(description="Stripe connected account id printed on the invoice")
    amount_cents: int = Field(description="Amount due, in cents")
    currency: str = Field(default="usd", description="ISO currency code, lowercase")
    approved: bool = Field(description="True if the invoice should be paid")
    notes: str = Field(description="Short justification for the finance team")


def intake(state: ExpenseState) -> Command[Literal["review", "reject"]]:
    pages = []
    for path in state["invoice_paths"]:
        pages.extend(PyPDFLoader(path).load()[: settings.max_invoice_pages])  # path: AIR101
    if not pages:
        return Command(goto="reject", update={"review_notes": "no readable invoice was attached"})
    text = "\n\n".join(page.page_content for page in pages)
    return Command(
        goto="review",
        update={
            "invoice_text": text,
            "messages": [HumanMessage(f"Invoice submitted by {state['submitter']}:\n\n{text}")],
        },
    )


def review(state: ExpenseState) -> dict:
    reviewer = get_model().with_structured_output(ReviewDecision)
    decision = reviewer.invoke([("system", REVIEW_PROMPT), ("user", state["invoice_text"])])
    summary = (
        f"AP review: approved={decision.approved}; pay {decision.amount_cents / 100:.2f} "
        f"{decision.currency.upper()} to {decision.vendor_account}. {decision.notes}"
    )
    return {
        "vendor_account": decision.vendor_account,
        "amount_cents": decision.amount_cents,
        "currency": decision.currency,
        "approved": decision.approved,  # path: AIR104
        "review_notes": decision.notes,
        "messages": [AIMessage(summary)],
    }
