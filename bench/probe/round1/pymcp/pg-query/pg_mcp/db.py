"""Database access layer for the Postgres MCP server."""
import psycopg
from psycopg import sql
from psycopg.rows import dict_row

# canned reports the assistant may run by name
REPORTS = {
    "daily_signups": (
        "SELECT date_trunc('day', created_at) AS day, count(*) "
        "FROM users GROUP BY 1 ORDER BY 1 DESC LIMIT 30"
    ),
    "open_tickets": "SELECT id, subject, priority FROM tickets WHERE status = 'open'",
    "revenue_by_plan": "SELECT plan, sum(amount_cents) / 100.0 AS revenue FROM invoices GROUP BY plan",
}


class Database:
    def __init__(self, dsn: str, statement_timeout_ms: int = 15000):
        self.conn = psycopg.connect(dsn, autocommit=True, row_factory=dict_row)
        with self.conn.cursor() as cur:
            cur.execute("SET statement_timeout = %s", (statement_timeout_ms,))

    def close(self) -> None:
        self.conn.close()

    def get_user(self, user_id):
        with self.conn.cursor() as cur:
            cur.execute("SELECT id, email, plan, created_at FROM users WHERE id = %s", (user_id,))
            return cur.fetchone()

    def search_users(self, email_fragment):
        query = "SELECT id, email, plan FROM users WHERE email ILIKE '%%%s%%' LIMIT 50" % email_fragment
        with self.conn.cursor() as cur:
            cur.execute(query)
            return cur.fetchall()

    def recent_orders(self, order_by, limit):
        query = "SELECT id, user_id, total_cents, placed_at FROM orders ORDER BY {} DESC LIMIT {}".format(
            order_by, int(limit)
        )
        with self.conn.cursor() as cur:
            cur.execute(query)
            return cur.fetchall()

    def preview_table(self, table, limit):
        query = sql.SQL("SELECT * FROM {} LIMIT {}").format(
            sql.Identifier("public", table), sql.Literal(int(limit))
        )
        with self.conn.cursor() as cur:
            cur.execute(query)
            return cur.fetchall()

    def run_report(self, report_name):
        try:
            query = REPORTS[report_name]
        except KeyError:
            raise ValueError(f"unknown report {report_name!r}; choose one of {sorted(REPORTS)}")
        with self.conn.cursor() as cur:
            cur.execute(query)
            return cur.fetchall()

    def signups_since(self, days):
        days = int(days)
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT count(*) AS n FROM users WHERE created_at > now() - interval '{days} days'")
            return cur.fetchone()
