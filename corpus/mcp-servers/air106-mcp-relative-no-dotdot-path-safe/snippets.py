# case: AIR106 — safe: the tool refuses a name that is absolute or has a `..` segment before it
# joins it to the snippet folder, so the file read stays under that folder.
import os
from pathlib import Path

from mcp.server.fastmcp import FastMCP

SNIPPETS = Path(os.environ.get("SNIPPET_DIR", "/srv/snippets"))
mcp = FastMCP("snippet-box")


@mcp.tool()
def read_snippet(name: str) -> str:
    """Return the text of a saved snippet, by its name under the snippet folder."""
    if name.startswith("/") or any(segment == ".." for segment in name.split("/")):
        return "no such snippet"
    return (SNIPPETS / name).read_text()
