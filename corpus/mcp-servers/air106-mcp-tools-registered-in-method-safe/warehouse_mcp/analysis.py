"""Table statistics over the warehouse connection."""
import re
import sqlite3

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


class TableAnalyzer:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)

    def column_profile(self, table: str, column: str) -> list[tuple]:
        if not IDENTIFIER.fullmatch(table) or not IDENTIFIER.fullmatch(column):
            raise ValueError("table and column must be plain identifiers")
        query = f'SELECT "{column}", COUNT(*) FROM "{table}" GROUP BY 1 ORDER BY 2 DESC'
        return self.conn.execute(query).fetchall()
