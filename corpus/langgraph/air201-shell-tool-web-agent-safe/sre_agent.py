# case: Same SRE helper, but ShellTool is replaced by read-only diagnostics with no model-controlled arguments (disk usage, load average), so no model-written command ever runs.
import os
import shutil

from langchain.agents import create_agent
from langchain.tools import tool
from langchain_tavily import TavilySearch

MOUNTS = ("/", "/var", "/srv")


@tool("disk_usage")
def disk_usage_report() -> dict:
    """Report used and free space, in GiB, for the main mount points."""
    gib = 1024**3
    report = {}
    for mount in MOUNTS:
        usage = shutil.disk_usage(mount)
        report[mount] = {"used": round(usage.used / gib, 1), "free": round(usage.free / gib, 1)}
    return report


@tool
def load_average() -> tuple[float, float, float]:
    """Return the 1, 5 and 15 minute load averages."""
    return os.getloadavg()


REGISTRY = {
    t.name: t
    for t in [
        TavilySearch(max_results=5, topic="general"),
        disk_usage_report,
        load_average,
    ]
}

sre_agent = create_agent(
    "openai:gpt-4.1",
    tools=list(REGISTRY.values()),
    system_prompt=(
        "You are an on-call assistant. Search the web for known issues with the failing "
        "component, then check the machine's disk and load to diagnose the incident."
    ),
)
