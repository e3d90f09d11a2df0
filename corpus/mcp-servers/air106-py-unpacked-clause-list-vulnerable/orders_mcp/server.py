from mcp.server.fastmcp import FastMCP

from .store import OrderStore

mcp = FastMCP("orders")
store = OrderStore("orders.db")


@mcp.tool()
def find_orders(customer: str, status: str = "") -> list[tuple]:
    """Find a customer's orders, optionally by status."""
    return store.find(customer, status or None)
