from __future__ import annotations

import asyncio
import sys

from pydantic_ai import Agent, DeferredToolRequests, DeferredToolResults
from pydantic_ai.common_tools.duckduckgo import duckduckgo_search_tool

from .container import Container
from .settings import get_settings
from .tools import build_tools

INSTRUCTIONS = """You are the procurement assistant for ACME Manufacturing.
Help buyers find vendors, compare offers found on the web, contact vendors and raise purchase orders.
Always confirm quantities and unit prices before placing an order."""


def build_agent() -> Agent[Container, str | DeferredToolRequests]:
    settings = get_settings()
    return Agent(
        settings.llm_model,
        deps_type=Container,
        instructions=INSTRUCTIONS,
        tools=[*build_tools(), duckduckgo_search_tool(max_results=5)],
        output_type=[str, DeferredToolRequests],
    )


async def run_once(prompt: str, user_id: str) -> str:
    agent = build_agent()
    deps = Container.build(user_id=user_id)
    result = await agent.run(prompt, deps=deps)
    while isinstance(result.output, DeferredToolRequests):
        approvals = {}
        for call in result.output.approvals:
            answer = input(f"Approve {call.tool_name}({call.args})? [y/N] ")
            approvals[call.tool_call_id] = answer.strip().lower() == "y"
        result = await agent.run(
            message_history=result.all_messages(),
            deferred_tool_results=DeferredToolResults(approvals=approvals),
            deps=deps,
        )
    return result.output


if __name__ == "__main__":
    print(asyncio.run(run_once(" ".join(sys.argv[1:]) or "Find three vendors for M8 hex bolts", "cli")))
