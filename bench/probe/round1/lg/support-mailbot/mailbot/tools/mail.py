"""IMAP/SMTP access to the shared support mailbox."""
import email
import imaplib
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

from langchain_core.tools import tool

from mailbot.settings import settings


def _text_of(msg: email.message.Message) -> str:
    if msg.is_multipart():
        for part in msg.walk():
            if part.get_content_type() == "text/plain":
                return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8", "replace")
        return ""
    return msg.get_payload(decode=True).decode(msg.get_content_charset() or "utf-8", "replace")


@tool
def read_support_inbox(limit: int = 5) -> list[dict]:
    """Fetch the newest unanswered customer emails from the support inbox."""
    with imaplib.IMAP4_SSL(settings.imap_host) as imap:
        imap.login(settings.mailbox_user, settings.mailbox_password)
        imap.select("INBOX", readonly=True)
        _, data = imap.search(None, "UNANSWERED")
        tickets = []
        for num in data[0].split()[-limit:]:
            _, raw = imap.fetch(num, "(RFC822)")
            msg = email.message_from_bytes(raw[0][1])
            tickets.append(
                {
                    "message_id": msg["Message-ID"],
                    "from": msg["From"],
                    "subject": msg["Subject"],
                    "body": _text_of(msg)[:5000],
                }
            )
        return tickets


@tool
def send_reply(to: str, subject: str, body: str, in_reply_to: str) -> str:
    """Reply to a customer from the support address."""
    msg = EmailMessage()
    msg["From"] = settings.mailbox_user
    msg["To"] = to
    msg["Subject"] = subject if subject.lower().startswith("re:") else f"Re: {subject}"
    msg["In-Reply-To"] = in_reply_to
    msg["References"] = in_reply_to
    msg["Message-ID"] = make_msgid(domain="example.com")
    msg.set_content(body)
    with smtplib.SMTP_SSL(settings.smtp_host, 465) as smtp:
        smtp.login(settings.mailbox_user, settings.mailbox_password)
        smtp.send_message(msg)
    return f"replied to {to}"
