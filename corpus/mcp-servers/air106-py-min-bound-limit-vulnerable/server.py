# case: a FastMCP server over SQLite whose `recent_orders` tool takes a row count from the model
# and writes it into the query text; the table name is checked against a fixed set, the count is
# spliced into `LIMIT` as the model sent it (the framework does not enforce the annotation).
import sqlite3

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("orders")
conn = sqlite3.connect("orders.db")
TABLES = {"orders", "returns"}


@mcp.tool()
def recent_orders(table: str, count) -> list:
    """Newest rows of the orders or returns table."""
    if table not in TABLES:
        raise ValueError("unknown table")
    sql = f"SELECT * FROM {table} ORDER BY created_at DESC LIMIT {count}"
    return conn.execute(sql).fetchall()  # expect: AIR106
