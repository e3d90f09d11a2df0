# case: the same viewer; `render_summary` only makes sure its cache folder exists
# (`os.makedirs(..., exist_ok=True)`, `Path.mkdir(parents=True, exist_ok=True)`) and reads what is
# cached there: ensuring a folder is housekeeping, so `readOnlyHint` holds (docling-mcp's
# thumbnail cache, from the ecosystem check).
import os
from pathlib import Path

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("reports")
REPORTS = Path(os.environ.get("REPORTS_DIR", "/srv/reports"))
CACHE = REPORTS / ".cache"


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def render_summary(quarter: int) -> str:
    """Render the summary of one quarter."""
    os.makedirs(REPORTS, exist_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"q{quarter}.txt"
    if cached.exists():
        return cached.read_text()
    return f"Summary of Q{quarter}"
