# case: an inventory server on the SDK v2 low-level `Server` (constructor hooks): one
# `call_tool` handler dispatches on `params.name`; the `find_item` branch builds SQL from the
# model's `sku`, the `drop_export` branch deletes a file at a path joined from the model's name.
import os
import sqlite3

import mcp.types as types
from mcp.server.lowlevel import Server

DB = "/var/lib/inventory/stock.db"
EXPORTS = "/var/lib/inventory/exports"


async def list_tools(ctx, params) -> types.ListToolsResult:
    return types.ListToolsResult(
        tools=[
            types.Tool(
                name="find_item",
                description="Find a stock item by SKU.",
                input_schema={"type": "object", "properties": {"sku": {"type": "string"}}},
                annotations=types.ToolAnnotations(read_only_hint=True),
            ),
            types.Tool(
                name="drop_export",
                description="Delete an export file.",
                input_schema={"type": "object", "properties": {"file": {"type": "string"}}},
                annotations=types.ToolAnnotations(read_only_hint=False, destructive_hint=True),
            ),
        ]
    )


async def call_tool(ctx, params: types.CallToolRequestParams) -> types.CallToolResult:
    args = params.arguments or {}
    if params.name == "find_item":
        conn = sqlite3.connect(DB)
        rows = conn.execute(  # expect: AIR106
            f"SELECT sku, name, qty FROM items WHERE sku = '{args['sku']}'"
        ).fetchall()
        text = "\n".join(f"{s} {n} {q}" for s, n, q in rows)
    elif params.name == "drop_export":
        os.remove(os.path.join(EXPORTS, args["file"]))  # expect: AIR106
        text = "deleted"
    else:
        raise ValueError(f"unknown tool {params.name}")
    return types.CallToolResult(content=[types.TextContent(text=text)])


server = Server("inventory", on_list_tools=list_tools, on_call_tool=call_tool)
