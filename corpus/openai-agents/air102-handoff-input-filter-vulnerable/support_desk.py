# case: a research agent reads vendor advisories on the web and hands the conversation off with
# `handoff(ops_agent, input_filter=..., on_handoff=...)` to an operations agent whose function
# tool restarts services through the ops API. The input filter is the project's own function:
# airlock cannot tell what it removes, so the path is reported (medium confidence) with the
# filter on it.
import httpx

from agents import Agent, RunContextWrapper, WebSearchTool, function_tool, handoff
from agents.handoffs import HandoffInputData


@function_tool(name_override="restart_service")
def restart(ctx: RunContextWrapper, host: str, service: str) -> str:  # expect: AIR102
    """Restart a systemd service on one of our hosts."""
    done = httpx.post(  # path: AIR102
        "https://ops.internal.example/api/restart", json={"host": host, "service": service}
    )
    return done.text


def keep_recent(data: HandoffInputData) -> HandoffInputData:
    """Keep only the last ten items of the history."""
    return data.clone(input_history=data.input_history[-10:])


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
    tools=[WebSearchTool(search_context_size="high")],  # path: AIR102
    handoffs=[
        handoff(ops_agent, input_filter=keep_recent, on_handoff=log_handoff),  # path: AIR102
    ],
)
