# case: An assistant searches the user's Gmail and sends email with SMTP, unattended: a received message can order it to forward the inbox to an outside address (inbox = untrusted and private, SMTP = exfiltration).
import smtplib
from email.message import EmailMessage

from langchain.agents import create_agent
from langchain.tools import tool
from langchain_google_community import GmailSearch


@tool
def send_email(to: str, subject: str, body: str) -> str:  # expect: AIR101
    """Send an email."""
    msg = EmailMessage()
    msg["To"], msg["Subject"] = to, subject
    msg.set_content(body)
    with smtplib.SMTP("smtp.example.com") as smtp:
        smtp.send_message(msg)
    return "sent"


# expect: AIR103
assistant = create_agent(
    "openai:gpt-4.1",
    tools=[GmailSearch(), send_email],
    system_prompt="Triage the user's inbox and answer routine messages.",
)
