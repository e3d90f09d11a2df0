import os
from pathlib import Path

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

from .models import NoteIn, NoteSummary
from .store import NoteStore

NOTES_DIR = Path(os.environ.get("NOTES_DIR", "~/notes"))


def build(store: NoteStore) -> FastMCP:
    mcp = FastMCP("notes", instructions="Personal markdown notes with tags.")

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, openWorldHint=False))
    def add_note(note: NoteIn) -> NoteSummary:
        """Create a note (or update the tags of an existing note with the same title)."""
        return store.add(note)

    @mcp.tool()
    def read_note(slug: str) -> str:
        """Return the markdown body of a note by slug."""
        return store.read(slug)

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False))
    def search_notes(text: str, limit: int = 20) -> list[NoteSummary]:
        """Search note titles."""
        return store.search(text, limit)

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
    def notes_with_tag(tag: str) -> list[NoteSummary]:
        """List notes carrying a tag."""
        return store.by_tag(tag)

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True))
    def delete_note(title: str) -> str:
        """Permanently delete a note by its title."""
        store.delete(title)
        return f"deleted {title}"

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, idempotentHint=True))
    def archive_note(note_id: int) -> str:
        """Hide a note from search by moving it to the archive."""
        slug = store.archive(note_id)
        return f"archived {slug}"

    return mcp


def main() -> None:
    build(NoteStore(NOTES_DIR)).run()


if __name__ == "__main__":
    main()
