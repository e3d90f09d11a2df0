"""Read access to stored captures."""
from pathlib import Path


class Archive:
    def __init__(self, root: str):
        self.root = Path(root)

    def read(self, name: str) -> bytes:
        return (self.root / Path(name).name).read_bytes()

    def names(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir())
