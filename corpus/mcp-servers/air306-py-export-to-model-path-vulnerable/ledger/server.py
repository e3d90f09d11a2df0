"""Ledger MCP server (low-level SDK): list and export journal entries."""
from __future__ import annotations

import csv
import sqlite3

import mcp.types as types
from mcp.server.lowlevel import Server

server = Server("ledger")
DB = "ledger.db"

TOOLS = [
    types.Tool(
        name="list_entries",
        description="List journal entries posted since a date (YYYY-MM-DD).",
        inputSchema={"type": "object", "properties": {"since": {"type": "string"}}},
        annotations=types.ToolAnnotations(readOnlyHint=True),
    ),
    types.Tool(
        name="export_entries",
        description="Export the journal to a CSV file.",
        inputSchema={
            "type": "object",
            "properties": {"target": {"type": "string", "description": "Where to write the CSV"}},
            "required": ["target"],
        },
        annotations=types.ToolAnnotations(
            readOnlyHint=False,
            destructiveHint=False,  # expect: AIR306
        ),
    ),
]


def _entries(since: str = "1970-01-01") -> list[tuple]:
    with sqlite3.connect(DB) as conn:
        return conn.execute("SELECT id, posted, amount FROM entries WHERE posted >= ?", (since,)).fetchall()


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return TOOLS


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    if name == "list_entries":
        rows = _entries(arguments.get("since", "1970-01-01"))
        return [types.TextContent(type="text", text=repr(rows))]
    if name == "export_entries":
        rows = _entries()
        with open(arguments["target"], "w", newline="") as fh:  # expect: AIR106
            csv.writer(fh).writerows(rows)
        return [types.TextContent(type="text", text=f"exported {len(rows)} entries")]
    raise ValueError(f"unknown tool {name}")
