"""Order lookups for the support desk's MCP server."""
from __future__ import annotations

import sqlite3


class OrderStore:
    def __init__(self, path: str) -> None:
        self._path = path

    def _rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        with sqlite3.connect(self._path) as conn:
            return conn.execute(sql, params).fetchall()

    def find(self, customer: str, status: str | None = None) -> list[tuple]:
        clauses, params = ["lower(customer) = lower(?)"], [customer]
        if status:
            clauses.append("status = ?")
            params.append(status)
        sql = f"SELECT id, customer, status FROM orders WHERE {' AND '.join(clauses)} ORDER BY id"
        return self._rows(sql, tuple(params))
