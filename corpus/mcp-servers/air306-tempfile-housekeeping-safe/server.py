# case: a chart server whose read-only tools render into files made by `tempfile` and remove
# them afterwards (a scratch file from `NamedTemporaryFile(delete=False)`, a scratch folder from
# `mkdtemp()`). Deleting what the tool itself just made is housekeeping: the read-only hint holds.
import os
import shutil
import tempfile

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("charts")


@mcp.tool(annotations={"readOnlyHint": True})
def chart_size(series: str) -> int:
    """Render the series as a chart and return the image's size in bytes."""
    scratch = tempfile.NamedTemporaryFile(delete=False, suffix=".svg")
    scratch.write(series.encode())
    scratch.close()
    size = os.path.getsize(scratch.name)
    os.remove(scratch.name)
    return size


@mcp.tool(annotations={"readOnlyHint": True})
def chart_preview(series: str) -> str:
    """Render the series in a scratch folder and describe the result."""
    workdir = tempfile.mkdtemp(prefix="chart-")
    try:
        return f"{len(series)} points rendered"
    finally:
        shutil.rmtree(workdir)
