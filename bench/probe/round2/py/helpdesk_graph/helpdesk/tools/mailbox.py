from __future__ import annotations

import email
import imaplib
import os
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

from langchain_core.tools import tool

IMAP_HOST = os.environ.get("HELPDESK_IMAP_HOST", "imap.fastmail.com")
SMTP_HOST = os.environ.get("HELPDESK_SMTP_HOST", "smtp.fastmail.com")
MAILBOX_USER = os.environ["HELPDESK_MAILBOX_USER"]
MAILBOX_PASSWORD = os.environ["HELPDESK_MAILBOX_PASSWORD"]


def _body_of(msg: email.message.Message) -> str:
    if msg.is_multipart():
        for part in msg.walk():
            if part.get_content_type() == "text/plain":
                return part.get_payload(decode=True).decode(errors="replace")
        return ""
    return msg.get_payload(decode=True).decode(errors="replace")


@tool
def fetch_unread(folder: str = "INBOX", limit: int = 10) -> list[dict]:
    """Fetch unread customer emails from the support mailbox (does not mark them read)."""
    out: list[dict] = []
    with imaplib.IMAP4_SSL(IMAP_HOST) as imap:
        imap.login(MAILBOX_USER, MAILBOX_PASSWORD)
        imap.select(folder, readonly=True)
        _, ids = imap.search(None, "UNSEEN")
        for num in ids[0].split()[:limit]:
            _, data = imap.fetch(num, "(RFC822)")
            msg = email.message_from_bytes(data[0][1])
            out.append({
                "message_id": msg["Message-ID"],
                "from": msg["From"],
                "subject": msg["Subject"],
                "body": _body_of(msg)[:6000],
            })
    return out


@tool
def send_reply(to: str, subject: str, body: str, in_reply_to: str | None = None) -> str:
    """Send an email reply to a customer from the support address."""
    msg = EmailMessage()
    msg["From"] = MAILBOX_USER
    msg["To"] = to
    msg["Subject"] = subject if subject.lower().startswith("re:") else f"Re: {subject}"
    msg["Message-ID"] = make_msgid(domain=MAILBOX_USER.split("@")[-1])
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(body)
    with smtplib.SMTP_SSL(SMTP_HOST, 465) as smtp:
        smtp.login(MAILBOX_USER, MAILBOX_PASSWORD)
        smtp.send_message(msg)
    return f"sent to {to}"
