"""Minimal database layer: a pooled connection wrapper and a tiny query builder."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool


class Database:
    def __init__(self, dsn: str, *, min_size: int = 1, max_size: int = 5) -> None:
        self._pool = ConnectionPool(dsn, min_size=min_size, max_size=max_size, open=True)

    def fetch_all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._pool.connection() as conn, conn.cursor(row_factory=dict_row) as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def fetch_one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        with self._pool.connection() as conn, conn.cursor(row_factory=dict_row) as cur:
            cur.execute(sql, params)
            return cur.fetchone()

    def close(self) -> None:
        self._pool.close()


@dataclass
class Select:
    table: str
    columns: Sequence[str] = ("*",)
    _where: list[str] = field(default_factory=list)
    _params: list[Any] = field(default_factory=list)
    _limit: int | None = None

    def where(self, clause: str, *params: Any) -> "Select":
        self._where.append(clause)
        self._params.extend(params)
        return self

    def limit(self, n: int) -> "Select":
        self._limit = int(n)
        return self

    def build(self) -> tuple[str, list[Any]]:
        sql = f"SELECT {', '.join(self.columns)} FROM {self.table}"
        if self._where:
            sql += " WHERE " + " AND ".join(self._where)
        if self._limit is not None:
            sql += f" LIMIT {self._limit}"
        return sql, list(self._params)
