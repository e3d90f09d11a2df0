"""Warehouse catalog tools: list objects of a kind, export in a format."""
import subprocess
from typing import Annotated

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations
from pydantic import Field

from .choices import Region

READ_ONLY = ToolAnnotations(readOnlyHint=True)
EXPORTS = ToolAnnotations(readOnlyHint=False, destructiveHint=False)


def register(server: FastMCP) -> None:
    kind_param = Annotated[str, Field(description="One of: table, view, stage")]

    @server.tool(annotations=READ_ONLY)  # expect: AIR306
    def list_objects(kind: kind_param) -> str:
        """List the catalog's objects of one kind."""
        cmd = f"catalog-cli show {kind}s --format json"
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout  # expect: AIR106

    @server.tool(annotations=EXPORTS)  # expect: AIR306
    def export_catalog(fmt: str) -> str:
        """Export the catalog as csv or parquet."""
        return subprocess.run(f"catalog-cli export --as {fmt}", shell=True, capture_output=True, text=True).stdout  # expect: AIR106

    @server.tool()
    def sync_region(region: Region) -> str:  # expect: AIR306
        """Copy the catalog to another region."""
        return subprocess.run(f"catalog-cli sync --to {region}", shell=True, capture_output=True, text=True).stdout  # expect: AIR106


mcp = FastMCP("catalog")
register(mcp)
