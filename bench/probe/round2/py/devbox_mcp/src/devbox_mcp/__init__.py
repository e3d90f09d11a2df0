"""devbox-mcp: a small MCP server for poking at the dev container."""

__version__ = "0.4.1"
