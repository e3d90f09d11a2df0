# case: AIR106 — vulnerable: the tool refuses `..` segments but not an absolute name, and joining
# an absolute name to a folder gives the name itself (`SNIPPETS / "/etc/shadow"`).
import os
from pathlib import Path

from mcp.server.fastmcp import FastMCP

SNIPPETS = Path(os.environ.get("SNIPPET_DIR", "/srv/snippets"))
mcp = FastMCP("snippet-box")


@mcp.tool()
def read_snippet(name: str) -> str:
    """Return the text of a saved snippet, by its name under the snippet folder."""
    if any(segment == ".." for segment in name.split("/")):
        return "no such snippet"
    return (SNIPPETS / name).read_text()  # expect: AIR106
