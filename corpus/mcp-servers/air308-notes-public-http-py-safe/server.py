# case: the same notes server with a token verifier and the authorization server's settings, and
# the admin server kept on the loopback interface.
import uvicorn
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP

from auth import IntrospectionVerifier

NOTES = {"standup": "Daily at 9:30 in room 2.", "oncall": "See the rota in the wiki."}

mcp = FastMCP(
    "notes",
    host="0.0.0.0",
    port=8000,
    token_verifier=IntrospectionVerifier("https://auth.example.com/oauth/introspect"),
    auth=AuthSettings(
        issuer_url="https://auth.example.com",
        resource_server_url="https://notes.example.com/mcp",
        required_scopes=["notes:read"],
    ),
)
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
    uvicorn.run(admin.sse_app(), host="127.0.0.1", port=8001)


if __name__ == "__main__":
    mcp.run(transport="streamable-http")
