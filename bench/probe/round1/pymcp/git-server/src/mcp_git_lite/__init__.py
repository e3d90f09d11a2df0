"""mcp-git-lite: git inspection tools over MCP."""

__version__ = "0.3.1"
