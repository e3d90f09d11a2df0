# case: the PDF server whose tools only delete the temporary file they wrote themselves under a
# name they made up (`f"{uuid.uuid4()}.pdf"`): housekeeping, not the user's data, so
# `destructiveHint=False` and a tool without annotations are both honest.
import os
import uuid
from pathlib import Path

import requests
from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("pdf-tools")
TEMP_DIR = Path("/tmp/pdf-downloads")


def download(url: str) -> str:
    """Download a PDF to a temporary file; refuse anything that is not a PDF."""
    temp_name = f"{uuid.uuid4()}.pdf"
    temp_path = TEMP_DIR / temp_name
    with open(temp_path, "wb") as f:
        f.write(requests.get(url, timeout=30).content)  # expect: AIR106
    with open(temp_path, "rb") as f:
        if not f.read(5).startswith(b"%PDF-"):
            os.remove(temp_path)
            raise ValueError("not a PDF")
    return str(temp_path)


@mcp.tool(annotations=ToolAnnotations(destructiveHint=False, openWorldHint=True))
def fetch_pdf(url: str) -> str:
    """Download a PDF and return where it was saved."""
    return download(url)


@mcp.tool()
def pdf_pages(url: str) -> int:
    """Count the pages of the PDF at `url`."""
    path = download(url)
    with open(path, "rb") as f:
        return f.read().count(b"/Type /Page")
