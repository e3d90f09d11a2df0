# case: a team-notes MCP server started for the whole office: Streamable HTTP bound to every
# interface (the host given to the constructor), no token verifier; and an admin server served
# with uvicorn on a LAN address, its SSE app unauthenticated too.
import uvicorn
from mcp.server.fastmcp import FastMCP

NOTES = {"standup": "Daily at 9:30 in room 2.", "oncall": "See the rota in the wiki."}

mcp = FastMCP("notes", host="0.0.0.0", port=8000)  # expect: AIR308
admin = FastMCP("notes-admin")


@mcp.tool()
def read_note(name: str) -> str:
    """Read one of the team's notes."""
    return NOTES.get(name, "no such note")


@admin.tool()
def note_names() -> list[str]:
    """List the names of the notes."""
    return sorted(NOTES)


def serve_admin() -> None:
    uvicorn.run(admin.sse_app(), host="10.0.4.17", port=8001)  # expect: AIR308


if __name__ == "__main__":
    mcp.run(transport="streamable-http")
