# case: a paper-notes server (the shape of arxiv-mcp-server's citation cache, found by the
# ecosystem check) whose tools check the model's identifier with a helper that answers an
# anchored regex match (`return bool(PAPER_ID.match(s))`) or an allow-list membership, and return
# an error when it fails: the identifier that reaches the file name is validated.
import os
import re
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("paper-notes")
NOTES = Path.home() / ".paper-notes"
PAPER_ID = re.compile(r"^\d{4}\.\d{4,5}(v\d+)?$")
SHELVES = {"inbox", "reading", "done"}


def is_valid_paper_id(value: str) -> bool:
    """Whether `value` is a new-style paper identifier."""
    return bool(PAPER_ID.match(value))


def is_known_shelf(name: str) -> bool:
    return name in SHELVES


@mcp.tool()
def save_note(paper_id: str, note: str) -> str:
    """Save a note about a paper."""
    if not is_valid_paper_id(paper_id):
        return "Error: invalid paper id"
    with open(NOTES / f"{paper_id}.txt", "w", encoding="utf-8") as f:
        f.write(note)
    return "saved"


@mcp.tool()
def list_shelf(shelf: str) -> list[str]:
    """List the notes on a shelf."""
    if not is_known_shelf(shelf):
        return ["Error: unknown shelf"]
    return sorted(os.listdir(os.path.join(NOTES, shelf)))


def confine(path: str) -> Path:
    """The model's path resolved inside the notes folder (the shape of cuga's workspace paths)."""
    resolved = (NOTES / path.lstrip("/")).resolve()
    try:
        resolved.relative_to(NOTES.resolve())
    except ValueError as e:
        raise ValueError("path must stay under the notes folder") from e
    return resolved


@mcp.tool()
def export_notes(path: str, text: str) -> str:
    """Write an export of the notes to a file in the notes folder."""
    target = confine(path)
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)
    return "exported"


def notes_path(path: str) -> Path:
    """The export path, through the confining helper."""
    return confine(path)


@mcp.tool()
def export_copy(path: str, text: str) -> str:
    """Write a second copy of the export."""
    with open(notes_path(path), "w", encoding="utf-8") as f:
        f.write(text)
    return "copied"
