"""Entry point: the core server plus the optional tool catalog."""
from mcp.server.fastmcp import FastMCP

from .archive import Archive
from .catalog import ToolCatalog


def build_server(root: str) -> FastMCP:
    server = FastMCP("capture-kit")
    catalog = ToolCatalog(server, Archive(root))
    catalog.collect()
    catalog.publish()
    return server


def main() -> None:
    build_server("/srv/captures").run()
