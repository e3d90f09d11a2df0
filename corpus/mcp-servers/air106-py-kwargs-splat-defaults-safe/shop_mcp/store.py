"""Order queries for the shop assistant."""
import sqlite3

SORTABLE = {"placed_at", "total", "customer"}


class Store:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)

    def latest_orders(self, sort, limit):
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort by {sort!r}")
        query = "SELECT id, customer, total FROM orders ORDER BY {} DESC LIMIT {}".format(sort, int(limit))
        return self.conn.execute(query).fetchall()
