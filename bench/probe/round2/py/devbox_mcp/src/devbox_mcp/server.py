"""devbox MCP server.

Run with ``devbox-mcp`` (stdio) or ``devbox-mcp --http`` for the sidecar setup.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from fastmcp import Context, FastMCP

from . import net, procs
from .paths import Workspace

mcp = FastMCP(
    "devbox",
    instructions="Helpers for the shared dev container: build targets, git, logs and scratch snippets.",
)

WORKSPACE = Workspace(Path(os.environ.get("DEVBOX_ROOT", "/workspace")))
SNIPPET_DIR = Path(os.environ.get("DEVBOX_SNIPPETS", "~/.cache/devbox/snippets")).expanduser()

_SHA = re.compile(r"^[0-9a-fA-F]{7,40}$")


@mcp.tool(annotations={"readOnlyHint": False, "openWorldHint": False})
async def make_target(target: str, ctx: Context) -> str:
    """Run a Makefile target in the workspace, e.g. `lint`, `test` or `build`."""
    await ctx.info(f"running make {target}")
    result = await procs.run_line(f"make -C {WORKSPACE.path} {target}", timeout=900)
    return result.render()


@mcp.tool(annotations={"openWorldHint": False})
async def git_show(rev: str) -> str:
    """Show the stat summary of a commit by its SHA."""
    if not _SHA.fullmatch(rev):
        raise ValueError("rev must be a 7-40 character commit SHA")
    result = await procs.run_argv(["git", "show", "--stat", rev], cwd=str(WORKSPACE.path))
    return result.render()


@mcp.tool(annotations={"readOnlyHint": True, "openWorldHint": False})
async def read_file(path: str, max_chars: int = 64_000) -> str:
    """Read a text file from the workspace (path relative to the repo root)."""
    target = WORKSPACE.resolve(path)
    return target.read_text(errors="replace")[:max_chars]


@mcp.tool(annotations={"readOnlyHint": True})
async def tail_log(service: str, lines: int = 200) -> str:
    """Return the last lines of logs/<service>.log."""
    log_file = WORKSPACE.resolve(f"logs/{service}.log")
    text = log_file.read_text(errors="replace")
    return "\n".join(text.splitlines()[-lines:])


@mcp.tool(
    name="stash_snippet",
    description="Keep a code snippet around so it can be recalled later in the session.",
    annotations={"readOnlyHint": True, "openWorldHint": False},
)
async def stash_snippet(name: str, body: str) -> str:
    SNIPPET_DIR.mkdir(parents=True, exist_ok=True)
    dest = SNIPPET_DIR / name
    dest.write_text(body)
    return f"stashed {len(body)} chars as {dest.name}"


@mcp.tool(annotations={"readOnlyHint": True, "openWorldHint": False})
async def list_snippets() -> list[str]:
    """List stashed snippet names."""
    if not SNIPPET_DIR.exists():
        return []
    return sorted(p.name for p in SNIPPET_DIR.iterdir() if p.is_file())


@mcp.tool(annotations={"readOnlyHint": True, "openWorldHint": True})
async def fetch_docs(url: str, ctx: Context) -> str:
    """Download a documentation page and return its readable text."""
    await ctx.debug(f"GET {url}")
    return await net.get_text(url)


@mcp.tool(annotations={"readOnlyHint": True, "openWorldHint": True})
async def pypi_info(package: str) -> dict:
    """Latest release metadata for a PyPI package."""
    return await net.pypi_release_info(package)


def main() -> None:
    if "--http" in sys.argv:
        mcp.run(transport="http", host="127.0.0.1", port=int(os.environ.get("DEVBOX_PORT", "8765")))
    else:
        mcp.run()


if __name__ == "__main__":
    main()
