# case: AIR106 — vulnerable: the scratch copy is kept in a cache folder under the name the URI
# ends with, so removing it removes whatever `../` path the model put in the URI; and the export
# takes its extension from the model's text as given (`/../../.bashrc`).
import hashlib
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import fsspec
from mcp.server.fastmcp import FastMCP

EXPORTS = Path.home() / "doc-fetch" / "exports"
mcp = FastMCP("doc-fetch")


def _copy_to_temp(uri: str) -> Path:
    local = Path(tempfile.gettempdir()) / "doc-fetch" / urlsplit(uri).path.lstrip("/")
    with fsspec.open(uri, "rb") as remote, open(local, "wb") as out:  # expect: AIR106
        shutil.copyfileobj(remote, out)
    return local


@mcp.tool()
def word_count(uri: str) -> str:  # expect: AIR306
    """Count the words of a document in object storage (s3://, gs://)."""
    local = _copy_to_temp(uri)
    try:
        return str(len(local.read_text(errors="ignore").split()))  # expect: AIR106
    finally:
        local.unlink(missing_ok=True)  # expect: AIR106


@mcp.tool()
def export_copy(uri: str, content_type: str = "text/plain") -> str:
    """Keep a copy of a document in the export folder, with the extension of its type."""
    digest = hashlib.sha256(uri.encode()).hexdigest()[:16]
    ext = content_type.split("/")[-1]
    target = EXPORTS / (digest + ext)
    with fsspec.open(uri, "rb") as remote:
        target.write_bytes(remote.read())  # expect: AIR106
    return str(target)
