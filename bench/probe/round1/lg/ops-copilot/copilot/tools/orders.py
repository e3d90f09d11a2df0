"""Order-database tools. Built per request from a DB handle so tests can pass a fake."""
import sqlite3

from langchain_core.tools import StructuredTool
from pydantic import BaseModel, Field


class OrderLookup(BaseModel):
    customer: str = Field(description="customer email or name as the user typed it")
    status: str = Field(default="any", description="open, shipped, cancelled or any")


class OrderCount(BaseModel):
    status: str = Field(description="open, shipped or cancelled")


def make_order_tools(db: sqlite3.Connection) -> list[StructuredTool]:
    def lookup_orders(customer: str, status: str = "any") -> str:
        sql = f"SELECT id, placed_at, status, total FROM orders WHERE customer LIKE '%{customer}%'"
        if status != "any":
            sql += f" AND status = '{status}'"
        rows = db.execute(sql + " ORDER BY placed_at DESC LIMIT 20").fetchall()
        return "\n".join(" | ".join(map(str, r)) for r in rows) or "no orders found"

    def count_orders(status: str) -> int:
        (n,) = db.execute("SELECT COUNT(*) FROM orders WHERE status = ?", (status,)).fetchone()
        return n

    return [
        StructuredTool.from_function(
            func=lookup_orders,
            name="lookup_orders",
            description="Find a customer's recent orders.",
            args_schema=OrderLookup,
        ),
        StructuredTool.from_function(
            func=count_orders,
            name="count_orders",
            description="Count orders in a given status.",
            args_schema=OrderCount,
        ),
    ]
