import os
from pathlib import Path

EXPORT_ROOTS = [Path(p).resolve() for p in os.environ.get("EXPORT_ROOTS", "./exports").split(os.pathsep)]


def _inside(root: Path, candidate: Path) -> bool:
    return candidate == root or candidate.is_relative_to(root)


def export_target(name: str) -> Path:
    target = (EXPORT_ROOTS[0] / name).resolve()
    if not any(_inside(root, target) for root in EXPORT_ROOTS):
        print(f"warning: {target} is outside the export folders")
    return target
