"""Table statistics over the warehouse connection."""
import sqlite3


class TableAnalyzer:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)

    def column_profile(self, table: str, column: str) -> list[tuple]:
        query = f"SELECT {column}, COUNT(*) FROM {table} GROUP BY {column} ORDER BY 2 DESC"
        return self.conn.execute(query).fetchall()  # expect: AIR106
