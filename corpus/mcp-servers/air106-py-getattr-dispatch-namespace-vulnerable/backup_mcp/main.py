# case: a low-level MCP server in a folder without `__init__.py` (a namespace package): the
# server module imports its siblings with `from . import ops`, and its one `call_tool` handler
# finds each tool's function by name (`getattr(ops, f"tool_{name}")`). The snapshot tool puts
# the model's label into a shell command; the prune tool deletes archives while its
# declaration says it only reads.
import json

import mcp.types as types
from mcp.server.lowlevel import Server

from . import ops

app = Server("backups")

TOOLS = [
    types.Tool(  # expect: AIR306
        name="snapshot",
        description="Archive the data folder under a label.",
        inputSchema={"type": "object", "properties": {"label": {"type": "string"}}, "required": ["label"]},
    ),
    types.Tool(
        name="prune",
        description="Remove archives older than N days.",
        inputSchema={"type": "object", "properties": {"days": {"type": "integer"}}},
        annotations=types.ToolAnnotations(readOnlyHint=True),  # expect: AIR306
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
