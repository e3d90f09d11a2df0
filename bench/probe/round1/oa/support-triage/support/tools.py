"""Function tools used by the support agents."""
from __future__ import annotations

import email
import imaplib
import logging
import sqlite3
from email.header import decode_header

import stripe
from agents import function_tool

from .settings import settings

log = logging.getLogger(__name__)
stripe.api_key = settings.stripe_key


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(settings.db_path)
    conn.row_factory = sqlite3.Row
    return conn


def _plain_body(msg: email.message.Message) -> str:
    for part in msg.walk():
        if part.get_content_type() == "text/plain":
            payload = part.get_payload(decode=True) or b""
            return payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    return ""


@function_tool
def fetch_ticket_emails(customer_email: str, limit: int = 5) -> list[dict]:
    """Fetch the most recent emails a customer sent to the support inbox.

    Args:
        customer_email: The address the customer wrote from.
        limit: How many messages to return, newest first.
    """
    box = imaplib.IMAP4_SSL(settings.imap_host)
    try:
        box.login(settings.imap_user, settings.imap_password)
        box.select("INBOX", readonly=True)
        _, data = box.search(None, "FROM", f'"{customer_email}"')
        messages = []
        for msg_id in reversed(data[0].split()[-limit:]):
            _, raw = box.fetch(msg_id, "(RFC822)")
            msg = email.message_from_bytes(raw[0][1])
            subject, enc = decode_header(msg.get("Subject", ""))[0]
            if isinstance(subject, bytes):
                subject = subject.decode(enc or "utf-8", errors="replace")
            messages.append({"subject": subject, "date": msg.get("Date"), "body": _plain_body(msg)})
        return messages
    finally:
        box.logout()


@function_tool
def lookup_invoice(invoice_id: str) -> dict:
    """Look up an invoice by its id, e.g. INV-2024-0042."""
    with _db() as conn:
        row = conn.execute(
            "SELECT id, customer_id, amount_cents, status, charge_id FROM invoices WHERE id = ?",
            (invoice_id,),
        ).fetchone()
    if row is None:
        return {"error": f"no invoice with id {invoice_id}"}
    return dict(row)


@function_tool(needs_approval=True)
def charge_outstanding_balance(customer_id: str, amount_cents: int, invoice_id: str) -> str:
    """Charge the customer's saved card for an unpaid invoice."""
    if amount_cents > settings.max_charge_cents:
        return "amount exceeds the automatic charge limit, escalate to finance"
    intent = stripe.PaymentIntent.create(
        customer=customer_id,
        amount=amount_cents,
        currency="usd",
        confirm=True,
        off_session=True,
        metadata={"invoice_id": invoice_id},
    )
    return f"payment {intent.id}: {intent.status}"


@function_tool
def issue_refund(charge_id: str, amount_cents: int, reason: str = "requested_by_customer") -> str:
    """Refund a charge, fully or partially.

    Args:
        charge_id: The Stripe charge id (ch_...).
        amount_cents: Amount to refund in cents.
        reason: duplicate, fraudulent or requested_by_customer.
    """
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents, reason=reason)
    log.info("refund %s created for %s", refund.id, charge_id)
    return f"refund {refund.id} is {refund.status}"


@function_tool
def save_case_note(case_id: str, note: str) -> str:
    """Append an internal note to the case file so the next agent has context."""
    path = f"{settings.notes_dir}/{case_id}.md"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(note.rstrip() + "\n\n")
    return f"note saved to case {case_id}"


TRIAGE_TOOLS = [fetch_ticket_emails, save_case_note]
BILLING_TOOLS = [lookup_invoice, charge_outstanding_balance]
REFUND_TOOLS = [lookup_invoice, issue_refund]
