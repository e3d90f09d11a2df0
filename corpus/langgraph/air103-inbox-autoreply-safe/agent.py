# case: The same assistant, but every outgoing email waits for the user's approval (HITL middleware with a checkpointer): the exfiltration leg is gated, so the combination is clean.
import smtplib
from email.message import EmailMessage

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langchain_google_community import GmailSearch
from langgraph.checkpoint.memory import InMemorySaver


@tool
def send_email(to: str, subject: str, body: str) -> str:
    """Send an email."""
    msg = EmailMessage()
    msg["To"], msg["Subject"] = to, subject
    msg.set_content(body)
    with smtplib.SMTP("smtp.example.com") as smtp:
        smtp.send_message(msg)
    return "sent"


assistant = create_agent(
    "openai:gpt-4.1",
    tools=[GmailSearch(), send_email],
    system_prompt="Triage the user's inbox and draft answers to routine messages.",
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"send_email": True})],
    checkpointer=InMemorySaver(),
)
