"""Order lookups over the shop's SQLite database."""
import sqlite3

DB_PATH = "shop.db"


class OrderStore:
    def __init__(self, path: str = DB_PATH) -> None:
        self.conn = sqlite3.connect(path)

    def orders_for(self, customer_email: str, status: str = "open") -> list[tuple]:
        """Orders of one customer, by status."""
        rows = self.conn.execute(
            "SELECT id, total, status FROM orders WHERE customer_email = ? AND status = ?",
            (customer_email, status),
        )
        return rows.fetchall()
