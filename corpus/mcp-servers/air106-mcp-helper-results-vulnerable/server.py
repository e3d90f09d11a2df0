# case: the same research-notes server written loosely. `search` fetches whatever URL the model
# gives, so the answer (and the ids the files are named after) can come from the model's own
# server; `_project_root` only checks that the folder exists, so `index_project` writes into any
# folder the model names.
import json
import sqlite3
import urllib.request
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("research-notes")
NOTES = Path.home() / "research-notes"


def search(url: str) -> list:
    with urllib.request.urlopen(url, timeout=20) as resp:  # expect: AIR106
        body = resp.read().decode("utf-8")
    return json.loads(body)["results"]


def _project_root(path: str) -> Path:
    root = Path(path).resolve()
    if not root.is_dir():
        raise ValueError(f"not a folder: {root}")
    return root


def _open_index(path: str):
    root = _project_root(path)
    db = sqlite3.connect(str(root / ".notes-index.db"))
    return db, root


@mcp.tool()
def save_abstracts(url: str) -> str:
    """Fetch a search-results feed and save each abstract as a note."""
    saved = 0
    for hit in search(url):
        (NOTES / f"{hit['id']}.json").write_text(json.dumps(hit), encoding="utf-8")  # expect: AIR106
        saved += 1
    return f"saved {saved} abstracts"


@mcp.tool()
def index_project(path: str) -> str:
    """Write the notes index of a project checkout."""
    db, root = _open_index(path)
    rows = db.execute("SELECT name FROM notes").fetchall()
    (root / ".notes-index.json").write_text(json.dumps([r[0] for r in rows]), encoding="utf-8")  # expect: AIR106
    return f"indexed {len(rows)} notes"
