"""Interactive concierge session: python -m concierge.app <customer-id>"""
from __future__ import annotations

import asyncio
import os
import sys

from agents import Runner, RunResult

from .agents import build_concierge
from .payments import PaymentGateway
from .store import BookingStore
from .tools import TripContext


async def _ainput(prompt: str) -> str:
    return await asyncio.to_thread(input, prompt)


async def _resolve_approvals(agent, result: RunResult, ctx: TripContext) -> RunResult:
    while result.interruptions:
        state = result.to_state()
        for item in result.interruptions:
            answer = await _ainput(f"[staff] approve {item.name} {item.arguments}? [y/N] ")
            if answer.strip().lower() == "y":
                state.approve(item)
            else:
                state.reject(item)
        result = await Runner.run(agent, state, context=ctx)
    return result


async def chat(customer_id: str) -> None:
    store = BookingStore(os.environ.get("CONCIERGE_DB", "bookings.sqlite3"))
    concierge = build_concierge(PaymentGateway(), store)
    ctx = TripContext(customer_id=customer_id, stripe_customer=f"cus_{customer_id}")
    history: list = []
    while True:
        try:
            line = await _ainput("guest> ")
        except EOFError:
            break
        if not line.strip():
            continue
        result = await Runner.run(concierge, history + [{"role": "user", "content": line}], context=ctx, max_turns=12)
        result = await _resolve_approvals(result.last_agent, result, ctx)
        print(f"{result.last_agent.name}: {result.final_output}")
        history = result.to_input_list()


if __name__ == "__main__":
    asyncio.run(chat(sys.argv[1] if len(sys.argv) > 1 else "demo"))
