# The team's own operations MCP server, started by the agent as a subprocess.
import shutil
import subprocess

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("ops")
SERVICES = {"api": "acme-api.service", "worker": "acme-worker.service"}


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True))
def restart_service(service: str) -> str:
    """Restart one of the known services: api or worker."""
    if service not in SERVICES:
        raise ValueError(f"unknown service {service!r}")
    subprocess.run(["systemctl", "restart", SERVICES[service]], check=True)
    return f"restarted {service}"


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True))
def clear_logs() -> str:
    """Delete the rotated application logs."""
    shutil.rmtree("/var/log/acme/archive")
    return "cleared"


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def service_status(service: str) -> str:
    """Show whether a service is running."""
    return "running" if service in SERVICES else "unknown"


if __name__ == "__main__":
    mcp.run()
