# The front desk reads the customer's mail and passes the case on.
import email
import imaplib
import os

from agents import Agent, function_tool

from .refunds import refunds_agent


@function_tool
def read_customer_mail(sender: str) -> str:
    """Return the latest message a customer sent to the help desk."""
    box = imaplib.IMAP4_SSL(os.environ["IMAP_HOST"])
    box.login(os.environ["IMAP_USER"], os.environ["IMAP_PASSWORD"])
    box.select("INBOX", readonly=True)
    _, ids = box.search(None, "FROM", sender)
    _, data = box.fetch(ids[0].split()[-1], "(RFC822)")
    msg = email.message_from_bytes(data[0][1])
    return msg.get_payload()


front_desk = Agent(
    name="Front desk",
    instructions="Read the customer's mail and hand refund requests to Refunds.",
    tools=[read_customer_mail],
    handoffs=[refunds_agent],
)
