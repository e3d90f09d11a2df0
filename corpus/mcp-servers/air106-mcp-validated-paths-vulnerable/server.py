# case: a document server (the shape of crewai-tools' FileWriterTool and workspace-mcp's
# attachments, found by the ecosystem check) whose path checks do not confine the model's path:
# `check_path` only refuses a few system folders (a deny-list: everything else goes through),
# `save_note` checks the file name against the folder but takes the folder from the model, and
# `read_attachment` checks nothing.
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("documents")
BASE = Path("/srv/documents").resolve()


def check_path(path: str) -> Path:
    """Refuse system folders."""
    resolved = Path(path).resolve()
    if str(resolved).startswith("/proc") or str(resolved).startswith("/etc"):
        raise ValueError("system folders cannot be read")
    return resolved


@mcp.tool()
def read_report(path: str) -> str:
    """Read a report."""
    with open(check_path(path)) as f:  # expect: AIR106
        return f.read()


@mcp.tool()
def save_note(directory: str, filename: str, content: str) -> str:
    """Save a note as `filename` in `directory`."""
    folder = Path(directory).resolve()
    target = (folder / filename).resolve()
    if not target.is_relative_to(folder) or target == folder:
        return "the file name must stay inside the folder"
    # known-miss: AIR106 an `is_relative_to` guard cleans the path whatever the folder it compares with; that the folder itself comes from the model is not checked
    with open(target, "w") as f:
        f.write(content)
    return f"saved {target.name}"


@mcp.tool()
def read_attachment(file_path: str) -> bytes:
    """Read a file to attach it to a message."""
    with open(file_path, "rb") as f:  # expect: AIR106
        return f.read()
