# case: an exports server that checks the model's file name with `os.path.relpath` but tests the
# wrong thing (that it is not the folder itself), so `../secrets.env` is still read (AIR106).
import os

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("exports")
EXPORTS = os.path.realpath(os.environ.get("EXPORTS_DIR", "/srv/exports"))


@mcp.tool()
def read_export(name: str) -> str:
    """Return the text of one export."""
    full = os.path.realpath(os.path.join(EXPORTS, name))
    if os.path.relpath(full, EXPORTS) == ".":
        raise ValueError("name a file, not the folder")
    with open(full, encoding="utf-8") as fh:  # expect: AIR106
        return fh.read()
