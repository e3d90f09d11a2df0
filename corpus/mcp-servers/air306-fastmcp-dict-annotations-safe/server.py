# case: the CRM server with annotations that match the bodies: the email is an open-world write, the purge is destructive, the lookup is read-only.
import smtplib
import sqlite3
from email.message import EmailMessage

from fastmcp import FastMCP

mcp = FastMCP("crm")
DB = "/var/lib/crm/crm.db"


@mcp.tool(annotations={"readOnlyHint": False, "destructiveHint": False, "openWorldHint": True})
def notify_customer(customer_id: int, message: str) -> str:
    """Email a message to a customer."""
    with sqlite3.connect(DB) as conn:
        (email,) = conn.execute("SELECT email FROM customers WHERE id = ?", (customer_id,)).fetchone()
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "crm@example.com", email, "A message from support"
    msg.set_content(message)
    with smtplib.SMTP("mail.example.com", 587) as smtp:
        smtp.starttls()
        smtp.send_message(msg)
    return "sent"


@mcp.tool(
    annotations={
        "title": "Purge customer",
        "readOnlyHint": False,
        "destructiveHint": True,
    },
)
def purge_customer(customer_id: int) -> str:
    """Remove a customer and their history."""
    with sqlite3.connect(DB) as conn:
        conn.execute("DELETE FROM customers WHERE id = ?", (customer_id,))
    return "purged"


@mcp.tool(annotations={"readOnlyHint": True})
def lookup_customer(customer_id: int) -> dict:
    """Return a customer's name and email."""
    with sqlite3.connect(DB) as conn:
        row = conn.execute(
            "SELECT name, email FROM customers WHERE id = ?", (customer_id,)
        ).fetchone()
    return {"name": row[0], "email": row[1]} if row else {}
