"""Tools shared by the support agents."""

import smtplib
import subprocess
from email.message import EmailMessage

import stripe
from langchain.tools import tool


@tool
def search_kb(query: str) -> str:
    """Search the internal knowledge base for articles matching the query."""
    return f"no article matches {query!r}"


@tool
def lookup_charge(charge_id: str) -> str:
    """Look up a card charge by id."""
    return stripe.Charge.retrieve(charge_id).status


@tool
def refund(charge_id: str, amount_cents: int) -> str:
    """Refund part or all of a card charge."""
    return stripe.Refund.create(charge=charge_id, amount=amount_cents).id


@tool
def send_reply(to: str, subject: str, body: str) -> str:  # expect: AIR101
    """Email a reply to a customer."""
    msg = EmailMessage()
    msg["To"], msg["Subject"] = to, subject
    msg.set_content(body)
    with smtplib.SMTP("smtp.example.com") as smtp:
        smtp.send_message(msg)
    return "sent"


@tool
def restart_service(name: str) -> str:  # expect: AIR101
    """Restart a service on the support host."""
    return subprocess.run(f"systemctl restart {name}", shell=True, capture_output=True, text=True).stdout  # expect: AIR106


@tool
def export_ticket(ticket_id: str, text: str) -> str:
    """Write a ticket transcript to the exports folder."""
    with open(f"/srv/support/exports/{ticket_id}.txt", "w") as f:  # expect: AIR106
        f.write(text)
    return "exported"
