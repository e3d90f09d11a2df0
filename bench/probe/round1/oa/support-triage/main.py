"""Worker that picks up new support tickets from the queue and runs the agent team."""
import asyncio
import json
import logging
import os

import redis.asyncio as redis
from agents import Runner

from support.team import build_triage_agent

logging.basicConfig(level=logging.INFO)
QUEUE = os.getenv("TICKET_QUEUE", "support:new_tickets")


async def handle(ticket: dict) -> str:
    triage = build_triage_agent()
    prompt = (
        f"New ticket {ticket['id']} (case {ticket['case_id']}) from {ticket['customer_email']}. "
        "Read their emails and resolve it."
    )
    result = await Runner.run(triage, prompt, max_turns=12)
    return result.final_output


async def main() -> None:
    r = redis.from_url(os.getenv("REDIS_URL", "redis://localhost:6379/0"))
    while True:
        _, raw = await r.blpop(QUEUE)
        ticket = json.loads(raw)
        try:
            answer = await handle(ticket)
            await r.hset(f"ticket:{ticket['id']}", mapping={"status": "answered", "reply": answer})
        except Exception:
            logging.exception("ticket %s failed", ticket.get("id"))


if __name__ == "__main__":
    asyncio.run(main())
