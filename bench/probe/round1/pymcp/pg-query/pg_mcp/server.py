import json
import os

import anyio
import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server

from .db import REPORTS, Database

RO = types.ToolAnnotations(readOnlyHint=True, openWorldHint=False)

TOOLS = [
    types.Tool(
        name="get_user",
        description="Fetch one user by numeric id",
        inputSchema={"type": "object", "properties": {"user_id": {"type": "integer"}}, "required": ["user_id"]},
        annotations=RO,
    ),
    types.Tool(
        name="search_users",
        description="Find users whose email contains the given text",
        inputSchema={"type": "object", "properties": {"email": {"type": "string"}}, "required": ["email"]},
        annotations=RO,
    ),
    types.Tool(
        name="recent_orders",
        description="List recent orders sorted by a column",
        inputSchema={
            "type": "object",
            "properties": {"order_by": {"type": "string", "default": "placed_at"}, "limit": {"type": "integer"}},
        },
        annotations=RO,
    ),
    types.Tool(
        name="preview_table",
        description="Show the first rows of a table in the public schema",
        inputSchema={"type": "object", "properties": {"table": {"type": "string"}, "limit": {"type": "integer"}}},
        annotations=RO,
    ),
    types.Tool(
        name="run_report",
        description="Run a predefined report. Available: " + ", ".join(REPORTS),
        inputSchema={"type": "object", "properties": {"report": {"type": "string", "enum": list(REPORTS)}}},
        annotations=RO,
    ),
    types.Tool(
        name="signups_since",
        description="Count signups in the last N days",
        inputSchema={"type": "object", "properties": {"days": {"type": "integer"}}},
        annotations=RO,
    ),
]


def create_server(db: Database) -> Server:
    server = Server("pg-query")

    @server.list_tools()
    async def handle_list_tools() -> list[types.Tool]:
        return TOOLS

    @server.call_tool()
    async def handle_call_tool(name: str, arguments: dict | None) -> list[types.TextContent]:
        args = arguments or {}
        if name == "get_user":
            result = db.get_user(args["user_id"])
        elif name == "search_users":
            result = db.search_users(args["email"])
        elif name == "recent_orders":
            result = db.recent_orders(**{"order_by": "placed_at", "limit": 25, **args})
        elif name == "preview_table":
            result = db.preview_table(args["table"], args.get("limit", 10))
        elif name == "run_report":
            result = db.run_report(args["report"])
        elif name == "signups_since":
            result = db.signups_since(args.get("days", 7))
        else:
            raise ValueError(f"Unknown tool: {name}")
        return [types.TextContent(type="text", text=json.dumps(result, default=str, indent=2))]

    return server


async def run() -> None:
    db = Database(os.environ["DATABASE_URL"])
    server = create_server(db)
    try:
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, server.create_initialization_options())
    finally:
        db.close()


def main() -> None:
    anyio.run(run)


if __name__ == "__main__":
    main()
