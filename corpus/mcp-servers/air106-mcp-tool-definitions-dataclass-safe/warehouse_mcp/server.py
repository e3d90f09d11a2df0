"""Entry point."""
import asyncio
import os

from mcp.server.fastmcp import FastMCP

from .cli_tools import cli_definitions
from .register import register_definitions


async def create_server(binary: str, disabled: set[str]) -> FastMCP:
    server = FastMCP("warehouse")
    register_definitions(server, cli_definitions(binary), disabled=disabled)
    return server


def main() -> None:
    disabled = set(filter(None, os.environ.get("DISABLED_TOOLS", "").split(",")))
    asyncio.run(create_server(os.environ.get("WAREHOUSE_CLI", "wh"), disabled)).run()
