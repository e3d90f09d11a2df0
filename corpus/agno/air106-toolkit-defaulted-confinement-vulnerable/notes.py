# case: AIR106 (vulnerable) — the same notes toolkit, but the toolkit passes its own
# `confine` setting to the base method, and a notebook built with `confine=False` takes the
# branch that hands back an unconfined path: `../../` walks and reads outside the notebook.
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
    def __init__(self, notes_dir: Path, confine: bool = True, **kwargs):
        self.notes_dir = notes_dir
        self.confine = confine
        super().__init__(name="notes", tools=[self.list_notes, self.read_note], **kwargs)

    def list_notes(self, folder: str = "") -> str:
        """Lists the notes in a folder of the notebook."""
        where = self.notes_dir
        if folder:
            ok, where = self._locate(folder, self.notes_dir, self.confine)
            if not ok:
                return "that folder is outside the notebook"
        names = []
        for dirpath, _dirs, files in os.walk(where):  # expect: AIR106
            names.extend(os.path.join(dirpath, f) for f in files)
        return "\n".join(names)

    def read_note(self, name: str) -> str:
        """Returns the text of one note."""
        ok, path = self._locate(name, self.notes_dir, confine=self.confine)
        if not ok:
            return "that note is outside the notebook"
        with open(path, encoding="utf-8") as fh:  # expect: AIR106
            return fh.read()
