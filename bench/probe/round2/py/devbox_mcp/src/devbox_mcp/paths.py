from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class PathEscapeError(ValueError):
    """Raised when a caller-supplied path points outside the workspace."""


@dataclass(frozen=True)
class Workspace:
    root: Path
    _resolved: Path = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_resolved", Path(self.root).expanduser().resolve())

    @property
    def path(self) -> Path:
        return self._resolved

    def resolve(self, relative: str) -> Path:
        candidate = (self._resolved / relative).resolve()
        if candidate != self._resolved and self._resolved not in candidate.parents:
            raise PathEscapeError(f"{relative!r} escapes {self._resolved}")
        return candidate
