import smtplib
from email.message import EmailMessage

from langchain_core.tools import tool

CUSTOMERS = {
    "acme": "billing@acme.example",
    "globex": "ap@globex.example",
}


@tool
def list_customers() -> list[str]:
    """List the customer keys the collections team works with."""
    return sorted(CUSTOMERS)


@tool
def send_reminder(customer: str, subject: str, body: str) -> str:
    """Email a payment reminder to a customer's billing contact."""
    msg = EmailMessage()
    msg["From"] = "collections@example.com"
    msg["To"] = CUSTOMERS[customer]
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP("smtp.internal.example.com", 25) as smtp:
        smtp.send_message(msg)
    return f"reminder sent to {customer}"


TOOLS = [list_customers, send_reminder]
