# case: a PDF server (the shape of pdf-tools-mcp, found by the ecosystem check) whose
# `forget_pdf` tool says it is not destructive but deletes a cached download the model names
# (`f"{name}.pdf"` interpolates the model's value, so the code does not name that file itself).
import os
from pathlib import Path

import requests
from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("pdf-tools")
CACHE = Path("/tmp/pdf-cache")


@mcp.tool(annotations=ToolAnnotations(destructiveHint=False))  # expect: AIR306
def forget_pdf(name: str) -> str:
    """Remove a cached PDF."""
    path = CACHE / f"{name}.pdf"
    os.remove(path)  # expect: AIR106
    return "removed"


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def pdf_size(url: str) -> int:
    """Size of the PDF at `url`, in bytes."""
    return len(requests.get(url, timeout=30).content)  # expect: AIR106
