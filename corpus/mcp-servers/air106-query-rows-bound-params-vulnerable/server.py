# case: the same notes server, but the planner writes each filter key into the query with no
# check: a key such as `x') = 1 OR 1=1 --` closes the JSON path and rewrites the condition, so
# the model reads every folder's notes. The rows are built and unpacked the same way.
from typing import Any
import sqlite3

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("notes")


class NoteIndex:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)

    def _plan(self, searches: list[dict[str, Any]]) -> tuple[list[tuple[str, list[Any]]], int]:
        planned = []
        for search in searches:
            clauses = []
            params: list[Any] = [search.get("folder", "") + "%"]
            for key, value in (search.get("filter") or {}).items():
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
            cur.execute(sql, params)  # expect: AIR106
            results.append(cur.fetchall())
        return results


index = NoteIndex("notes.db")


@mcp.tool()
def search_notes(folder: str, filter: dict[str, str]) -> str:
    """Find notes in a folder whose JSON fields equal the given values."""
    rows = index.search_many([{"folder": folder, "filter": filter}])[0]
    return "\n".join(f"{r[0]}: {r[1]}" for r in rows)
