# case: a notes server whose search tool takes a filter of JSON fields to values. A planner
# method builds one (sql, params) row per requested search in a list, and the runner unpacks
# the rows while it walks them with the request list (`zip`). Each filter key must be a plain
# field name before it is written into the query; every value is a bound parameter. Only the
# parameters carry the model's text, so no finding is expected.
import re
import sqlite3
from typing import Any

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("notes")

def _check_field(key: str) -> None:
    """Refuse a filter field that is not a plain JSON path."""
    if not re.match(r"^[A-Za-z0-9_.-]+$", key):
        raise ValueError(f"bad filter field: {key!r}")


class NoteIndex:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)

    def _plan(self, searches: list[dict[str, Any]]) -> tuple[list[tuple[str, list[Any]]], int]:
        planned = []
        for search in searches:
            clauses = []
            params: list[Any] = [search.get("folder", "") + "%"]
            for key, value in (search.get("filter") or {}).items():
                _check_field(key)
                clauses.append("json_extract(body, '$." + key + "') = ?")
                params.append(value)
            sql = "SELECT id, title FROM notes WHERE folder LIKE ?"
            if clauses:
                sql += " AND " + " AND ".join(clauses)
            planned.append((sql, params))
        return planned, len(planned)

    def search_many(self, searches: list[dict[str, Any]]) -> list[list[tuple]]:
        planned, count = self._plan(searches)
        results = []
        cur = self.conn.cursor()
        for search, (sql, params) in zip(searches, planned):
            cur.execute(sql, params)
            results.append(cur.fetchall())
        return results


index = NoteIndex("notes.db")


@mcp.tool()
def search_notes(folder: str, filter: dict[str, str]) -> str:
    """Find notes in a folder whose JSON fields equal the given values."""
    rows = index.search_many([{"folder": folder, "filter": filter}])[0]
    return "\n".join(f"{r[0]}: {r[1]}" for r in rows)
