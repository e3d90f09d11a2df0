from pathlib import Path

from mcp.server.fastmcp import FastMCP

from .slugs import slug_for

JOURNAL = Path.home() / "journal"
mcp = FastMCP("journal")


@mcp.tool()
def write_entry(title: str, text: str) -> str:
    """Write a journal entry under a file named after its title."""
    JOURNAL.mkdir(parents=True, exist_ok=True)
    target = JOURNAL / f"{slug_for(title)}.md"
    target.write_text(f"# {title}\n\n{text}\n", encoding="utf-8")
    return str(target)
