from __future__ import annotations

from pathlib import Path


class AccessDenied(PermissionError):
    pass


class PathGuard:
    """Keeps every file operation inside the directories the user allowed."""

    def __init__(self, allowed_dirs: list[str]):
        if not allowed_dirs:
            raise ValueError("at least one allowed directory is required")
        self.roots = [Path(d).expanduser().resolve() for d in allowed_dirs]

    def check(self, raw_path: str) -> Path:
        candidate = Path(raw_path).expanduser()
        if not candidate.is_absolute():
            candidate = self.roots[0] / candidate
        resolved = candidate.resolve()
        for root in self.roots:
            if resolved.is_relative_to(root):
                return resolved
        raise AccessDenied(f"{raw_path} is outside the allowed directories")

    def describe(self) -> str:
        return "\n".join(str(r) for r in self.roots)
