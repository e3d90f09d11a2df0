import subprocess

from pydantic_ai import Agent, DeferredToolRequests, ModelRetry, Tool

from .settings import KNOWN_SERVICES, MODEL, OpsDeps
from .tools import fetch_alert_page, purge_cdn_cache, tail_logs

SYSTEM = """You are the on-call assistant. When an alert comes in, read the linked page,
look at the logs of the affected service and propose a fix. You may restart a service or
purge the CDN, but explain why first."""


def build_agent() -> Agent[OpsDeps, str | DeferredToolRequests]:
    agent = Agent(
        MODEL,
        deps_type=OpsDeps,
        instructions=SYSTEM,
        output_type=[str, DeferredToolRequests],
        tools=[
            Tool(fetch_alert_page, takes_ctx=True),
            Tool(tail_logs, takes_ctx=False),
            Tool(purge_cdn_cache, takes_ctx=True, requires_approval=True),
        ],
    )

    @agent.tool_plain(requires_approval=True)
    def restart_service(service: str) -> str:
        """Restart one of the managed systemd services."""
        if service not in KNOWN_SERVICES:
            raise ModelRetry(f"{service!r} is not a managed service")
        proc = subprocess.run(
            ["sudo", "systemctl", "restart", f"{service}.service"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        return "restarted" if proc.returncode == 0 else proc.stderr

    return agent
