# case: the same desk, with `handoff_filters.remove_all_tools` as the input filter: the search
# results (tool results) never reach the operations agent, and nothing else untrusted enters the
# research agent (its run starts from a fixed prompt).
import httpx

from agents import Agent, RunContextWrapper, WebSearchTool, function_tool, handoff
from agents.extensions import handoff_filters


@function_tool(name_override="restart_service")
def restart(ctx: RunContextWrapper, host: str, service: str) -> str:
    """Restart a systemd service on one of our hosts."""
    done = httpx.post(
        "https://ops.internal.example/api/restart", json={"host": host, "service": service}
    )
    return done.text


def log_handoff(ctx: RunContextWrapper) -> None:
    print("handing off to operations")


ops_agent = Agent(
    name="Operations",
    instructions="Apply the mitigation the advisory recommends.",
    tools=[restart],
)

research_agent = Agent(
    name="Advisories",
    instructions="Read today's vendor advisories and hand anything urgent to Operations.",
    tools=[WebSearchTool(search_context_size="high")],
    handoffs=[
        handoff(ops_agent, input_filter=handoff_filters.remove_all_tools, on_handoff=log_handoff),
    ],
)
