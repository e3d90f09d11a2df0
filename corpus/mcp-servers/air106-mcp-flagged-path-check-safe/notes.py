# case: AIR106 — safe: a helper answers with a flag and a path (`return True, confined` or
# `return False, root`); the tool leaves when the flag is false, so the folder it walks is the
# confined one, even though the check sits in an optional-argument branch.
import os
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("notes-search")


class OutsideRoot(Exception):
    pass


def confine(root: Path, relative: str) -> Path:
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root.resolve()):
        raise OutsideRoot(relative)
    return candidate


class NoteStore:
    def __init__(self, root: Path):
        self.root = root

    def _resolve(self, relative: str, root: Path):
        try:
            return True, confine(root, relative)
        except OutsideRoot:
            return False, root

    def grep(self, needle: str, folder: str = "") -> list:
        where = self.root
        if folder:
            ok, where = self._resolve(folder, self.root)
            if not ok:
                return []
        found = []
        for parent, _subdirs, names in os.walk(where):
            for name in names:
                if needle in name:
                    found.append(os.path.join(parent, name))
        return found


store = NoteStore(Path(os.environ.get("NOTES_ROOT", "/srv/notes")))


@mcp.tool()
def find_notes(needle: str, folder: str = "") -> list:
    """Find notes whose file name contains the text, optionally under one folder."""
    return store.grep(needle, folder)
