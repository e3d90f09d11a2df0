# case: the same namespace package, relative import and dispatch by name; the snapshot tool
# checks the label against a pattern and runs tar with an argument list, and the prune tool
# declares that it deletes.
import json

import mcp.types as types
from mcp.server.lowlevel import Server

from . import ops

app = Server("backups")

TOOLS = [
    types.Tool(
        name="snapshot",
        description="Archive the data folder under a label.",
        inputSchema={"type": "object", "properties": {"label": {"type": "string"}}, "required": ["label"]},
    ),
    types.Tool(
        name="prune",
        description="Remove archives older than N days.",
        inputSchema={"type": "object", "properties": {"days": {"type": "integer"}}},
        annotations=types.ToolAnnotations(readOnlyHint=False, destructiveHint=True),
    ),
]


@app.list_tools()
async def list_tools() -> list[types.Tool]:
    return TOOLS


@app.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    fn = getattr(ops, f"tool_{name}", None)
    if fn is None:
        raise ValueError(f"unknown tool {name}")
    out = fn(arguments or {})
    return [types.TextContent(type="text", text=json.dumps(out))]


def run() -> None:
    import anyio
    from mcp.server.stdio import stdio_server

    async def serve() -> None:
        async with stdio_server() as (r, w):
            await app.run(r, w, app.create_initialization_options())

    anyio.run(serve)
