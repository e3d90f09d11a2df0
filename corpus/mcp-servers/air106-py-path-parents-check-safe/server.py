import os
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("attachments")
ATTACHMENTS = os.environ.get("ATTACHMENTS_DIR", "./attachments")


@mcp.tool()
def read_attachment(name: str) -> str:
    """Return the text of a stored attachment."""
    base = Path(ATTACHMENTS).resolve()
    target = (base / name).resolve()
    if base not in target.parents:
        raise ValueError(f"{name} is outside the attachments folder")
    return target.read_text(encoding="utf-8")


if __name__ == "__main__":
    mcp.run()
