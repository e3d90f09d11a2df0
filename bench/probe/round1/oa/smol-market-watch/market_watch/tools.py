import os
import re
import subprocess
from pathlib import Path

from smolagents import Tool, tool

DATA_DIR = Path(os.environ.get("MW_DATA_DIR", "data")).resolve()
ARCHIVE_DIR = DATA_DIR / "archive"
DATASET_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


class ArchivePageTool(Tool):
    name = "archive_page"
    description = (
        "Saves a full copy of a competitor web page (HTML plus images and CSS) into the local "
        "archive so that price changes can be diffed later. Returns the archive folder."
    )
    inputs = {
        "url": {"type": "string", "description": "The page URL to archive."},
        "label": {"type": "string", "description": "Short label for the snapshot, e.g. 'acme-pricing'."},
    }
    output_type = "string"

    def __init__(self, archive_dir: Path = ARCHIVE_DIR, **kwargs):
        super().__init__(**kwargs)
        self.archive_dir = archive_dir

    def forward(self, url: str, label: str) -> str:
        dest = self.archive_dir / label
        status = os.system(f"wget --quiet --page-requisites --convert-links -P {dest} '{url}'")
        if status != 0:
            return f"wget failed with status {status}"
        return str(dest)


@tool
def compress_dataset(name: str) -> str:
    """Gzip a CSV dataset in the data folder so it can be attached to the weekly report.

    Args:
        name: Dataset name without extension (lowercase letters, digits, '-' and '_').
    """
    if not DATASET_NAME.fullmatch(name):
        raise ValueError(f"invalid dataset name: {name!r}")
    path = DATA_DIR / f"{name}.csv"
    subprocess.run(["gzip", "--keep", "--force", str(path)], check=True, timeout=120)
    return f"{path}.gz"


@tool
def list_datasets() -> list[str]:
    """List the CSV datasets available in the data folder."""
    return sorted(p.stem for p in DATA_DIR.glob("*.csv"))
