# case: the CRM server with annotations that match the bodies: the webhook call is an open-world
# write, the purge is destructive, the lookup is read-only.
import sqlite3

import requests
from fastmcp import FastMCP

mcp = FastMCP("crm")
DB = "/var/lib/crm/crm.db"
WEBHOOK = "https://hooks.example.com/crm"


@mcp.tool(annotations={"readOnlyHint": False, "destructiveHint": False, "openWorldHint": True})
def notify_customer(customer_id: int, message: str) -> str:
    """Send a message to a customer through the notification webhook."""
    r = requests.post(WEBHOOK, json={"customer": customer_id, "text": message}, timeout=10)
    return f"sent ({r.status_code})"


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
