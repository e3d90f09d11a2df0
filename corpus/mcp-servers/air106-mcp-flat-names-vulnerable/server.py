# case: the same snippet store written the usual wrong way. `save_snippet` strips `..` from the
# key (`key.replace("..", "")`), which `....//` survives and which leaves `/` in place, so the
# key still walks out of the folder; `parse_key` returns None only for an empty key, so
# `show_snippet` reads whatever path the model names.
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
    if not value:
        return None
    return value


@mcp.tool()
def save_snippet(key: str, body: str) -> str:
    """Save a snippet under a key such as `shell/backup-db`."""
    target = STORE / f"{key.replace('..', '')}.md"
    target.write_text(body, encoding="utf-8")  # expect: AIR106
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
    return (STORE / f"{parsed}.md").read_text(encoding="utf-8")  # expect: AIR106
