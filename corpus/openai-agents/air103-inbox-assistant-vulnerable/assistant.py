# case: an inbox assistant reads the user's mail over IMAP (untrusted and private), looks things
# up on the web, and can send mail: one email can tell it to forward the mailbox to an
# attacker. No single tool is dangerous alone; the three together in one agent are (AIR103).
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


@function_tool
def send_email(to: str, subject: str, body: str) -> str:  # expect: AIR101
    """Send an email from the assistant's account."""
    msg = EmailMessage()
    msg["To"], msg["Subject"] = to, subject
    msg.set_content(body)
    with smtplib.SMTP_SSL("smtp.example.com") as smtp:
        smtp.send_message(msg)
    return "sent"


assistant = Agent(  # expect: AIR103
    name="Inbox assistant",
    instructions="Triage the inbox, research what the senders ask about, and reply.",
    tools=[read_inbox, WebSearchTool(), send_email],
)

if __name__ == "__main__":
    print(Runner.run_sync(assistant, "Work through my inbox.").final_output)
