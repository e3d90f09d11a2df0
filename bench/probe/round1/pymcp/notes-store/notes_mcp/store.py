import os
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from .models import NoteIn, NoteSummary, slugify

SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    tags TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
"""


class NoteStore:
    def __init__(self, root: Path):
        self.root = root.expanduser().resolve()
        self.archive_dir = self.root / "_archive"
        self.archive_dir.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.root / "index.sqlite3", check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.executescript(SCHEMA)

    def _rows(self, cur) -> list[NoteSummary]:
        return [NoteSummary(**dict(r)) for r in cur.fetchall()]

    def add(self, note: NoteIn) -> NoteSummary:
        slug = slugify(note.title)
        (self.root / f"{slug}.md").write_text(f"# {note.title}\n\n{note.body}\n", encoding="utf-8")
        now = datetime.now(timezone.utc).isoformat()
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO notes (title, slug, tags, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(slug) DO UPDATE SET tags = excluded.tags, updated_at = excluded.updated_at",
                (note.title, slug, ",".join(note.tags), now),
            )
        return NoteSummary(id=cur.lastrowid, title=note.title, slug=slug, tags=",".join(note.tags), updated_at=now)

    def read(self, slug: str) -> str:
        path = (self.root / f"{slug}.md").resolve()
        if not path.is_relative_to(self.root):
            raise PermissionError("note path escapes the notes directory")
        return path.read_text(encoding="utf-8")

    def search(self, text: str, limit: int = 20) -> list[NoteSummary]:
        sql = "SELECT id, title, slug, tags, updated_at FROM notes WHERE title LIKE ? ORDER BY updated_at DESC LIMIT ?"
        cur = self.conn.execute(sql, (f"%{text}%", limit))
        return self._rows(cur)

    def by_tag(self, tag: str) -> list[NoteSummary]:
        sql = "SELECT id, title, slug, tags, updated_at FROM notes WHERE tags LIKE '%" + tag + "%' ORDER BY title"
        cur = self.conn.execute(sql)
        return self._rows(cur)

    def delete(self, title: str) -> None:
        os.remove(os.path.join(self.root, title + ".md"))
        with self.conn:
            self.conn.execute("DELETE FROM notes WHERE title = ?", (title,))

    def archive(self, note_id: int) -> str:
        row = self.conn.execute("SELECT slug FROM notes WHERE id = ?", (int(note_id),)).fetchone()
        if row is None:
            raise KeyError(note_id)
        shutil.move(self.root / f"{row['slug']}.md", self.archive_dir / f"{row['slug']}.md")
        with self.conn:
            self.conn.execute("DELETE FROM notes WHERE id = ?", (int(note_id),))
        return row["slug"]
