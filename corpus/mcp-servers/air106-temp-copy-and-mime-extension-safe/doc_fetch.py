# case: AIR106 — safe: the only file the tool removes is the temporary copy it made itself
# (`NamedTemporaryFile(suffix=...)` named after the URI's extension), and the export it writes
# is a fixed folder plus a hashed name and an extension looked up in the MIME table.
import hashlib
import mimetypes
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import fsspec
from mcp.server.fastmcp import FastMCP

EXPORTS = Path.home() / "doc-fetch" / "exports"
mcp = FastMCP("doc-fetch")


def _copy_to_temp(uri: str) -> Path:
    suffix = PurePosixPath(urlsplit(uri).path).suffix
    handle = tempfile.NamedTemporaryFile(suffix=suffix, delete=False)
    local = Path(handle.name)
    with fsspec.open(uri, "rb") as remote:
        shutil.copyfileobj(remote, handle)
    handle.close()
    return local


@mcp.tool()
def word_count(uri: str) -> str:
    """Count the words of a document in object storage (s3://, gs://)."""
    local = _copy_to_temp(uri)
    try:
        return str(len(local.read_text(errors="ignore").split()))
    finally:
        local.unlink(missing_ok=True)


@mcp.tool()
def export_copy(uri: str, content_type: str = "text/plain") -> str:
    """Keep a copy of a document in the export folder, with the extension of its type."""
    digest = hashlib.sha256(uri.encode()).hexdigest()[:16]
    ext = mimetypes.guess_extension(content_type) or ".bin"
    target = EXPORTS / (digest + ext)
    with fsspec.open(uri, "rb") as remote:
        target.write_bytes(remote.read())
    return str(target)
