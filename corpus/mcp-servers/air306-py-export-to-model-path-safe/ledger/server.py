"""Ledger MCP server (low-level SDK): list and export journal entries."""
from __future__ import annotations

import csv
import sqlite3
from datetime import date
from pathlib import Path

import mcp.types as types
from mcp.server.lowlevel import Server

server = Server("ledger")
DB = "ledger.db"
EXPORT_DIR = Path("/var/lib/ledger/exports")

TOOLS = [
    types.Tool(
        name="list_entries",
        description="List journal entries posted since a date (YYYY-MM-DD).",
        inputSchema={"type": "object", "properties": {"since": {"type": "string"}}},
        annotations=types.ToolAnnotations(readOnlyHint=True),
    ),
    types.Tool(
        name="export_entries",
        description="Export the journal to a new dated CSV file in the export folder.",
        inputSchema={"type": "object", "properties": {}},
        annotations=types.ToolAnnotations(
            readOnlyHint=False,
            destructiveHint=False,
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
        target = EXPORT_DIR / f"journal-{date.today().isoformat()}.csv"
        with open(target, "w", newline="") as fh:
            csv.writer(fh).writerows(rows)
        return [types.TextContent(type="text", text=f"exported {len(rows)} entries")]
    raise ValueError(f"unknown tool {name}")
