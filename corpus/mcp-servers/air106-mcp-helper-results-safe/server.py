# case: a research-notes MCP server. `save_abstracts` asks a fixed search service (the query is
# URL-quoted into a fixed host) and names each saved file after an id from the answer: the
# service's text, not the model's. `index_project` takes a project root through `_project_root`,
# which raises unless the folder holds a `.git` or `.hg` entry, and `_open_index` returns that
# checked root with its store, so the index written under it is the checked root's.
import json
import sqlite3
import urllib.parse
import urllib.request
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("research-notes")
NOTES = Path.home() / "research-notes"
SEARCH = "https://search.example.org/api"


def search(query: str) -> list:
    url = f"{SEARCH}?q={urllib.parse.quote(query)}"
    with urllib.request.urlopen(url, timeout=20) as resp:
        body = resp.read().decode("utf-8")
    return json.loads(body)["results"]


def _project_root(path: str) -> Path:
    root = Path(path).resolve()
    is_repo = (root / ".git").exists() or (root / ".hg").exists()
    if not is_repo:
        raise ValueError(f"not a project root: {root}")
    return root


def _open_index(path: str):
    root = _project_root(path)
    db = sqlite3.connect(str(root / ".notes-index.db"))
    return db, root


@mcp.tool()
def save_abstracts(query: str) -> str:
    """Search the literature service and save each abstract as a note."""
    saved = 0
    for hit in search(query):
        (NOTES / f"{hit['id']}.json").write_text(json.dumps(hit), encoding="utf-8")
        saved += 1
    return f"saved {saved} abstracts"


@mcp.tool()
def index_project(path: str) -> str:
    """Write the notes index of a project checkout."""
    db, root = _open_index(path)
    rows = db.execute("SELECT name FROM notes").fetchall()
    (root / ".notes-index.json").write_text(json.dumps([r[0] for r in rows]), encoding="utf-8")
    return f"indexed {len(rows)} notes"
