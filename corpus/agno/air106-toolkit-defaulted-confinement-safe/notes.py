# case: AIR106 (safe) — a notes toolkit whose shared base class resolves a name under the
# toolkit's folder and answers `(ok, path)`. The base method takes `confine: bool = True`; only
# under `if not confine:` does it hand back an unconfined path. The tools never pass `confine`,
# so for them that branch never runs, and every `(True, path)` they can see is confined. The
# `bool` annotation does not make `confine` clean for a caller that passes text: the summary
# holds only while the call passes nothing tainted for it.
import os
from pathlib import Path
from typing import Tuple

from agno.tools import Toolkit


class FolderError(Exception):
    pass


def join_inside(root: Path, name: str) -> Path:
    if Path(name).is_absolute():
        raise FolderError(f"{name} is absolute")
    target = (root / name).resolve()
    try:
        target.relative_to(root.resolve())
    except ValueError:
        raise FolderError(f"{name} leaves {root}") from None
    return target


class FolderToolkit(Toolkit):
    def _locate(self, name: str, root: Path, confine: bool = True) -> Tuple[bool, Path]:
        if not confine:
            try:
                return True, root.joinpath(name).resolve()
            except OSError:
                return False, root
        try:
            return True, join_inside(root, name)
        except (FolderError, OSError):
            return False, root


class NotesTools(FolderToolkit):
    def __init__(self, notes_dir: Path, **kwargs):
        self.notes_dir = notes_dir
        super().__init__(name="notes", tools=[self.list_notes, self.read_note], **kwargs)

    def list_notes(self, folder: str = "") -> str:
        """Lists the notes in a folder of the notebook."""
        where = self.notes_dir
        if folder:
            ok, where = self._locate(folder, self.notes_dir)
            if not ok:
                return "that folder is outside the notebook"
        names = []
        for dirpath, _dirs, files in os.walk(where):
            names.extend(os.path.join(dirpath, f) for f in files)
        return "\n".join(names)

    def read_note(self, name: str) -> str:
        """Returns the text of one note."""
        ok, path = self._locate(name, self.notes_dir)
        if not ok:
            return "that note is outside the notebook"
        with open(path, encoding="utf-8") as fh:
            return fh.read()
