# case: the same tool; the count goes through `min(count, 200)`, whose result is a number (or the
# call raises `TypeError` when the model sends text), so the query text carries no syntax.
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
    sql = f"SELECT * FROM {table} ORDER BY created_at DESC LIMIT {min(count, 200)}"
    return conn.execute(sql).fetchall()
