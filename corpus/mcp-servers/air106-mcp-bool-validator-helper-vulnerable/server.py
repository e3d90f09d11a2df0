# case: the same paper-notes server, but a failed check only logs a warning and goes on, and the
# shelf helper answers something other than a check (it normalises the name): the model's values
# reach the file paths.
import logging
import os
import re
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("paper-notes")
NOTES = Path.home() / ".paper-notes"
PAPER_ID = re.compile(r"^\d{4}\.\d{4,5}(v\d+)?$")
log = logging.getLogger(__name__)


def is_valid_paper_id(value: str) -> bool:
    """Whether `value` is a new-style paper identifier."""
    return bool(PAPER_ID.match(value))


def shelf_name(name: str) -> str:
    return name.strip().lower()


@mcp.tool()
def save_note(paper_id: str, note: str) -> str:
    """Save a note about a paper."""
    if not is_valid_paper_id(paper_id):
        log.warning("unusual paper id %s", paper_id)
    with open(NOTES / f"{paper_id}.txt", "w", encoding="utf-8") as f:  # expect: AIR106
        f.write(note)
    return "saved"


@mcp.tool()
def list_shelf(shelf: str) -> list[str]:
    """List the notes on a shelf."""
    if not shelf_name(shelf):
        return ["Error: empty shelf name"]
    return sorted(os.listdir(os.path.join(NOTES, shelf)))  # expect: AIR106


def confine(path: str) -> Path:
    """The model's path resolved, with a warning when it leaves the notes folder."""
    resolved = (NOTES / path.lstrip("/")).resolve()
    try:
        resolved.relative_to(NOTES.resolve())
    except ValueError:
        log.warning("export outside the notes folder: %s", resolved)
    return resolved


@mcp.tool()
def export_notes(path: str, text: str) -> str:
    """Write an export of the notes to a file in the notes folder."""
    target = confine(path)
    with open(target, "w", encoding="utf-8") as f:  # expect: AIR106
        f.write(text)
    return "exported"


def notes_path(path: str) -> Path:
    """The export path, through the confining helper."""
    return confine(path)


@mcp.tool()
def export_copy(path: str, text: str) -> str:
    """Write a second copy of the export."""
    with open(notes_path(path), "w", encoding="utf-8") as f:  # expect: AIR106
        f.write(text)
    return "copied"
