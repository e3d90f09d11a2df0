# case: a snippet store keeps one file per snippet key directly under its folder. `save_snippet`
# flattens the key (`key.replace("/", "__")`), so the name holds no separator and stays one
# entry of the folder; `load_snippet` takes the key from `parse_key`, which returns None unless
# a helper's anchored pattern accepts it, and returns early on None.
import re
from pathlib import Path
from typing import Optional

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("snippets")
STORE = Path.home() / ".snippets"
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}(/[a-z0-9-]{1,64})?$")


def is_snippet_key(value: str) -> bool:
    return bool(KEY_PATTERN.match(value))


def parse_key(raw: str) -> Optional[str]:
    value = raw.strip().lower()
    if not value or not is_snippet_key(value):
        return None
    return value


@mcp.tool()
def save_snippet(key: str, body: str) -> str:
    """Save a snippet under a key such as `shell/backup-db`."""
    target = STORE / f"{key.replace('/', '__')}.md"
    target.write_text(body, encoding="utf-8")
    return f"saved {target.name}"


@mcp.tool()
def load_snippet(key: str) -> str:
    """Return a saved snippet."""
    parsed = parse_key(key)
    if parsed is None:
        return f"not a snippet key: {key}"
    return (STORE / f"{parsed.replace('/', '__')}.md").read_text(encoding="utf-8")


@mcp.tool()
def show_snippet(key: str) -> str:
    """Return a saved snippet, looked up without flattening."""
    parsed = parse_key(key)
    if parsed is None:
        return f"not a snippet key: {key}"
    return (STORE / f"{parsed}.md").read_text(encoding="utf-8")
