import smtplib
from email.message import EmailMessage
from pathlib import Path

import httpx
from agents import function_tool

from .config import cfg

REPORTS_DIR = Path(cfg.reports_dir).resolve()


@function_tool
def write_report(filename: str, markdown: str) -> str:
    """Save the finished report as a markdown file.

    Args:
        filename: Relative file name inside the reports folder, e.g. "2024-q3/ai-chips.md".
        markdown: Full report body.
    """
    target = (REPORTS_DIR / filename).resolve()
    if not target.is_relative_to(REPORTS_DIR):
        raise ValueError(f"refusing to write outside {REPORTS_DIR}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8") as fh:
        fh.write(markdown)
    return f"wrote {target.relative_to(REPORTS_DIR)} ({len(markdown)} chars)"


@function_tool
def send_digest(to: str, subject: str, body: str) -> str:
    """Email a short digest of the research findings to a reader."""
    msg = EmailMessage()
    msg["From"] = cfg.smtp_user
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=30) as smtp:
        smtp.starttls()
        smtp.login(cfg.smtp_user, cfg.smtp_password)
        smtp.send_message(msg)
    return f"digest sent to {to}"


@function_tool
async def publish_post(title: str, body_markdown: str, tags: list[str]) -> str:
    """Publish an article on the company blog."""
    async with httpx.AsyncClient(base_url=cfg.cms_url, timeout=20) as client:
        resp = await client.post(
            "/api/v1/posts",
            json={"title": title, "body": body_markdown, "tags": tags, "status": "published"},
            headers={"Authorization": f"Bearer {cfg.cms_token}"},
        )
    resp.raise_for_status()
    return resp.json()["url"]
