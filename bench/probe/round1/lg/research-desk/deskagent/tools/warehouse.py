"""Analytics warehouse access for the executor agent."""
import os

import psycopg
from langchain_core.tools import tool

DSN = os.environ.get("WAREHOUSE_DSN", "postgresql://desk@localhost/analytics")


def _conn():
    return psycopg.connect(DSN, autocommit=True)


@tool
def run_sql(statement: str) -> str:
    """Run a SQL statement against the analytics warehouse (reads, inserts, updates, DDL)."""
    with _conn() as conn, conn.cursor() as cur:
        cur.execute(statement)
        if cur.description is None:
            return f"ok, {cur.rowcount} rows affected"
        rows = cur.fetchmany(50)
        cols = [c.name for c in cur.description]
        return "\n".join([", ".join(cols)] + [", ".join(map(str, r)) for r in rows])


@tool
def record_finding(topic: str, summary: str, source_url: str) -> str:
    """Store a research finding in the findings table."""
    with _conn() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO research.findings (topic, summary, source_url) VALUES (%s, %s, %s) RETURNING id",
            (topic, summary, source_url),
        )
        (new_id,) = cur.fetchone()
    return f"saved finding #{new_id}"


EXECUTOR_TOOLS = [run_sql, record_finding]
