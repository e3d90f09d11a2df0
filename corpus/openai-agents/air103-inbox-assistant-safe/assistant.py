# case: the same assistant, with `needs_approval=True` on `send_email`: nothing leaves the
# mailbox until a person approves the message.
import imaplib
import smtplib
from email.message import EmailMessage

from agents import Agent, Runner, WebSearchTool, function_tool


@function_tool
def read_inbox(limit: int = 20) -> list[str]:
    """Read the newest messages in the inbox."""
    box = imaplib.IMAP4_SSL("imap.example.com")
    box.login("assistant@example.com", "app-password")
    box.select("INBOX")
    _, ids = box.search(None, "ALL")
    out = []
    for num in ids[0].split()[-limit:]:
        _, data = box.fetch(num, "(RFC822)")
        out.append(data[0][1].decode(errors="replace"))
    return out


@function_tool(needs_approval=True)
def send_email(to: str, subject: str, body: str) -> str:
    """Send an email from the assistant's account."""
    msg = EmailMessage()
    msg["To"], msg["Subject"] = to, subject
    msg.set_content(body)
    with smtplib.SMTP_SSL("smtp.example.com") as smtp:
        smtp.send_message(msg)
    return "sent"


assistant = Agent(
    name="Inbox assistant",
    instructions="Triage the inbox, research what the senders ask about, and reply.",
    tools=[read_inbox, WebSearchTool(), send_email],
)

if __name__ == "__main__":
    print(Runner.run_sync(assistant, "Work through my inbox.").final_output)
