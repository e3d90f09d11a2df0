"""Nightly cron job: mail the owner a one-line count of what is still unread.

Runs outside the agent; no model is involved and the recipient and text are fixed.
"""
import smtplib
from datetime import date
from email.message import EmailMessage

from app.config import settings
from app.tools.gmail import gmail_service


def unread_count() -> int:
    svc = gmail_service()
    resp = svc.users().messages().list(userId="me", q="is:unread in:inbox", maxResults=500).execute()
    return resp.get("resultSizeEstimate", 0)


def main() -> None:
    if not settings.owner_email:
        raise SystemExit("OWNER_EMAIL is not set")
    count = unread_count()
    msg = EmailMessage()
    msg["From"] = settings.smtp_user
    msg["To"] = settings.owner_email
    msg["Subject"] = f"Inbox autopilot report for {date.today():%d %b}"
    msg.set_content(f"{count} messages are still unread after today's autopilot run.")
    with smtplib.SMTP_SSL(settings.smtp_host, 465) as smtp:
        smtp.login(settings.smtp_user, settings.smtp_password)
        smtp.send_message(msg)


if __name__ == "__main__":
    main()
