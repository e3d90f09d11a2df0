"""The ledger MCP server: low-level `Server`, one `call_tool` handler that looks the tool up in a
table of handler functions by the name the model sent."""
from mcp.server import Server
from mcp.types import TextContent, Tool

from .handlers import handle_balance, handle_export, handle_report

server = Server("ledger")

TOOL_HANDLERS = {
    "balance": handle_balance,
    "report": handle_report,
    "export": handle_export,
}


@server.list_tools()
async def list_tools() -> list[Tool]:
    return [Tool(name=n, description=f"ledger {n}", inputSchema={"type": "object"}) for n in TOOL_HANDLERS]


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[TextContent]:
    handler = TOOL_HANDLERS.get(name)
    if handler is None:
        raise ValueError(f"unknown tool: {name}")
    text = await handler(arguments)
    return [TextContent(type="text", text=text)]
