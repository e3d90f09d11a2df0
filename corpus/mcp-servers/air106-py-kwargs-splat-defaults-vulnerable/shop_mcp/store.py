"""Order queries for the shop assistant."""
import sqlite3


class Store:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)

    def latest_orders(self, sort, limit):
        query = "SELECT id, customer, total FROM orders ORDER BY {} DESC LIMIT {}".format(sort, int(limit))
        return self.conn.execute(query).fetchall()  # expect: AIR106
