# case: the document server with every path confined to the documents folder by a validator
# that returns what it checked: `validate_path` raises unless the resolved path is inside BASE
# (an allow-list, `if not ...is_relative_to(...): raise`), `allowed_path` returns only from a
# `relative_to` check that passed and raises at the end, and `save_note` refuses a file name
# that leaves the validated folder (`if not ... or ...: return`).
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("documents")
BASE = Path("/srv/documents").resolve()
ALLOWED = [BASE, Path("/srv/shared").resolve()]


def validate_path(path: str) -> Path:
    """Resolve `path` and refuse anything outside the documents folder."""
    resolved = (BASE / path).resolve()
    if not resolved.is_relative_to(BASE):
        raise ValueError("paths must stay inside the documents folder")
    return resolved


def allowed_path(path: str) -> Path:
    """Resolve `path` and return it if it lies in one of the allowed folders."""
    resolved = Path(path).resolve()
    for folder in ALLOWED:
        try:
            resolved.relative_to(folder)
            return resolved
        except ValueError:
            continue
    raise ValueError("path is outside the allowed folders")


@mcp.tool()
def read_report(path: str) -> str:
    """Read a report."""
    with open(validate_path(path)) as f:
        return f.read()


@mcp.tool()
def save_note(directory: str, filename: str, content: str) -> str:
    """Save a note as `filename` in `directory`."""
    folder = validate_path(directory)
    target = (folder / filename).resolve()
    if not target.is_relative_to(folder) or target == folder:
        return "the file name must stay inside the folder"
    with open(target, "w") as f:
        f.write(content)
    return f"saved {target.name}"


@mcp.tool()
def read_attachment(file_path: str) -> bytes:
    """Read a file to attach it to a message."""
    checked = allowed_path(file_path)
    with open(checked, "rb") as f:
        return f.read()
