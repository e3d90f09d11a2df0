import json

import mcp.types as types
from mcp.server.lowlevel import Server

from .store import Store

DEFAULTS = {"latest_orders": {"sort": "placed_at", "limit": 20}}


def build(store: Store) -> Server:
    server = Server("shop")

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [
            types.Tool(
                name="latest_orders",
                description="The most recent orders, sorted by a column.",
                inputSchema={
                    "type": "object",
                    "properties": {"sort": {"type": "string"}, "limit": {"type": "integer"}},
                },
            )
        ]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict | None) -> list[types.TextContent]:
        args = arguments or {}
        if name == "latest_orders":
            rows = store.latest_orders(**{"sort": "placed_at", "limit": 20, **args})
            return [types.TextContent(type="text", text=json.dumps(rows))]
        raise ValueError(f"unknown tool {name}")

    return server
