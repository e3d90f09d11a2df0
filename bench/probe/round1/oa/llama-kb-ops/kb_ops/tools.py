import asyncio
import os
import smtplib
import sqlite3
from email.message import EmailMessage

from llama_index.core.workflow import Context, HumanResponseEvent, InputRequiredEvent

TICKETS_DB = os.getenv("TICKETS_DB", "tickets.db")
SMTP_HOST = os.getenv("SMTP_HOST", "localhost")


def lookup_ticket(ticket_id: int) -> dict:
    """Look up a support ticket by numeric id."""
    with sqlite3.connect(TICKETS_DB) as conn:
        row = conn.execute(
            "SELECT id, title, status, assignee, host FROM tickets WHERE id = ?", (ticket_id,)
        ).fetchone()
    if not row:
        return {"error": "not found"}
    return dict(zip(("id", "title", "status", "assignee", "host"), row))


async def run_maintenance(task: str, host: str) -> str:
    """Run a maintenance script from ./scripts against a host, e.g. task="rotate-logs"."""
    proc = await asyncio.create_subprocess_shell(
        f"./scripts/maint.sh {task} --host {host}",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    return out.decode(errors="replace")[-4000:]


async def email_summary(ctx: Context, to: str, subject: str, body: str) -> str:
    """Email a summary of what was done. Asks the operator before sending."""
    ctx.write_event_to_stream(InputRequiredEvent(prefix=f"Send '{subject}' to {to}? [yes/no] "))
    reply = await ctx.wait_for_event(HumanResponseEvent)
    if reply.response.strip().lower() not in ("y", "yes"):
        return "The operator declined to send this email."
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "kb-ops@example.com", to, subject
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.send_message(msg)
    return f"sent to {to}"
