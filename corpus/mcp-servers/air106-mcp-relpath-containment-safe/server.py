# case: the same exports server; a path whose form relative to the folder starts with `..` is
# outside it and refused before the read (`os.path.relpath(full, EXPORTS).startswith("..")`).
import os

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("exports")
EXPORTS = os.path.realpath(os.environ.get("EXPORTS_DIR", "/srv/exports"))


@mcp.tool()
def read_export(name: str) -> str:
    """Return the text of one export."""
    full = os.path.realpath(os.path.join(EXPORTS, name))
    if os.path.relpath(full, EXPORTS).startswith(".."):
        raise ValueError("the export must be inside the exports folder")
    with open(full, encoding="utf-8") as fh:
        return fh.read()
