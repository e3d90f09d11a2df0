"""Gmail tools used by the triage/reply agent."""
from __future__ import annotations

import base64
from email.mime.text import MIMEText
from functools import lru_cache

from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build
from langchain_core.tools import tool

from app.config import settings

SCOPES = [
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/gmail.send",
]


@lru_cache(maxsize=1)
def gmail_service():
    creds = Credentials.from_authorized_user_file(settings.gmail_token_path, SCOPES)
    return build("gmail", "v1", credentials=creds, cache_discovery=False)


def _header(msg: dict, name: str) -> str:
    for h in msg.get("payload", {}).get("headers", []):
        if h["name"].lower() == name.lower():
            return h["value"]
    return ""


def _plain_body(msg: dict) -> str:
    payload = msg.get("payload", {})
    for part in payload.get("parts") or [payload]:
        data = part.get("body", {}).get("data")
        if part.get("mimeType") == "text/plain" and data:
            return base64.urlsafe_b64decode(data).decode("utf-8", "replace")
    return msg.get("snippet", "")


@tool
def search_inbox(query: str = "is:unread in:inbox", max_results: int = 10) -> list[dict]:
    """Search the user's Gmail inbox. Returns sender, subject, thread id and plain-text body."""
    svc = gmail_service()
    resp = svc.users().messages().list(userId="me", q=query, maxResults=max_results).execute()
    results = []
    for ref in resp.get("messages", []):
        msg = svc.users().messages().get(userId="me", id=ref["id"], format="full").execute()
        results.append(
            {
                "id": msg["id"],
                "thread_id": msg["threadId"],
                "from": _header(msg, "From"),
                "subject": _header(msg, "Subject"),
                "body": _plain_body(msg)[:4000],
            }
        )
    return results


@tool
def send_email(to: str, subject: str, body: str, thread_id: str | None = None) -> str:
    """Send an email from the user's account. Pass thread_id to reply inside an existing thread."""
    mime = MIMEText(body)
    mime["to"] = to
    mime["subject"] = subject
    payload = {"raw": base64.urlsafe_b64encode(mime.as_bytes()).decode()}
    if thread_id:
        payload["threadId"] = thread_id
    sent = gmail_service().users().messages().send(userId="me", body=payload).execute()
    return f"sent message {sent['id']}"
