"""Fleet MCP server. The backend is chosen at start-up and kept in a module variable that the
tools read; the tools are defined before the function that sets it."""
import os

from mcp.server.fastmcp import FastMCP

from .backends import make_backend

mcp = FastMCP("fleet")
_backend = None


@mcp.tool()
def service_status(host: str, unit: str) -> str:  # expect: AIR306
    """Show the status of a systemd unit on one host of the fleet."""
    if _backend is None:
        raise RuntimeError("backend not configured")
    return _backend.service_status(host, unit)


def configure() -> None:
    global _backend
    _backend = make_backend(os.environ.get("FLEET_BACKEND", "ssh"), os.environ["FLEET_JUMP_HOST"])


def main() -> None:
    configure()
    mcp.run()
