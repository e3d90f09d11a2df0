from typing import TypedDict


class Invoice(TypedDict, total=False):
    vendor_id: str
    vendor_name: str
    invoice_number: str
    currency: str
    line_items: list[dict]
    total_cents: int


class InvoiceState(TypedDict, total=False):
    pdf_path: str
    raw_text: str
    invoice: Invoice
    is_valid: bool
    validation_errors: list[str]
    approved: bool
    review_notes: str
    payment_id: str


class RefundState(TypedDict, total=False):
    ticket_text: str
    customer_id: str
    amount_cents: int
    reason: str
    approved: bool
    refund_id: str
