import json
import logging

import mcp.types as types
from mcp.server.lowlevel import Server

from . import handlers

log = logging.getLogger("ledger_mcp")

server = Server("ledger")

_ID_SCHEMA = {
    "type": "object",
    "properties": {"id": {"type": "integer", "description": "Ledger entry id"}},
    "required": ["id"],
}

TOOLS = [
    types.Tool(
        name="search_entries",
        description="Search ledger entries by memo text.",
        inputSchema={
            "type": "object",
            "properties": {
                "query": {"type": "string"},
                "limit": {"type": "integer", "default": 25},
            },
            "required": ["query"],
        },
        annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False),
    ),
    types.Tool(
        name="get_entry",
        description="Fetch a single ledger entry.",
        inputSchema=_ID_SCHEMA,
    ),
    types.Tool(
        name="list_entries",
        description="List recent entries, optionally sorted by posted_on, amount_cents, payee or category.",
        inputSchema={
            "type": "object",
            "properties": {
                "order_by": {"type": "string"},
                "descending": {"type": "boolean"},
                "limit": {"type": "integer"},
            },
        },
        annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False),
    ),
    types.Tool(
        name="balance",
        description="Current balance, optionally for one category.",
        inputSchema={"type": "object", "properties": {"category": {"type": "string"}}},
        annotations=types.ToolAnnotations(
            title="Balance",
            readOnlyHint=True,
            openWorldHint=False,
        ),
    ),
    types.Tool(
        name="void_entry",
        description="Void a ledger entry so it no longer counts towards balances.",
        inputSchema=_ID_SCHEMA,
        annotations=types.ToolAnnotations(
            title="Void entry",
            readOnlyHint=True,
            idempotentHint=True,
            openWorldHint=False,
        ),
    ),
    types.Tool(
        name="export_csv",
        description="Export entries posted since a date (YYYY-MM-DD) to a CSV file.",
        inputSchema={
            "type": "object",
            "properties": {
                "path": {"type": "string", "description": "Where to write the CSV"},
                "since": {"type": "string"},
            },
            "required": ["path"],
        },
        annotations=types.ToolAnnotations(
            readOnlyHint=False,
            destructiveHint=False,
            openWorldHint=False,
        ),
    ),
]


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return TOOLS


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    handler = getattr(handlers, "do_" + name, None)
    if handler is None:
        raise ValueError("unknown tool: %s" % name)
    log.info("call %s %s", name, sorted((arguments or {}).keys()))
    result = await handler(arguments or {})
    return [types.TextContent(type="text", text=json.dumps(result, default=str, indent=2))]
