"""Warehouse catalog tools: list objects of a kind, export in a format."""
import subprocess
from enum import Enum
from typing import Annotated, Literal

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations
from pydantic import Field

from .choices import Region

READ_ONLY = ToolAnnotations(readOnlyHint=True)
EXPORTS = ToolAnnotations(readOnlyHint=False, destructiveHint=False)


class ExportFormat(str, Enum):
    CSV = "csv"
    PARQUET = "parquet"


def register(server: FastMCP) -> None:
    # The SDK validates arguments against these types before a tool runs.
    kinds = Literal["table", "view", "stage"]
    kind_param = Annotated[kinds, Field(description="The kind of object")]

    @server.tool(annotations=READ_ONLY)
    def list_objects(kind: kind_param) -> str:
        """List the catalog's objects of one kind."""
        cmd = f"catalog-cli show {kind}s --format json"
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout

    @server.tool(annotations=EXPORTS)
    def export_catalog(fmt: ExportFormat) -> str:
        """Export the catalog as csv or parquet."""
        return subprocess.run(f"catalog-cli export --as {fmt.value}", shell=True, capture_output=True, text=True).stdout

    @server.tool()
    def sync_region(region: Region) -> str:
        """Copy the catalog to another region."""
        return subprocess.run(f"catalog-cli sync --to {region}", shell=True, capture_output=True, text=True).stdout


mcp = FastMCP("catalog")
register(mcp)
