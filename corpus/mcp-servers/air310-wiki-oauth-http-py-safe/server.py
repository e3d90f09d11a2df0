# case: a wiki MCP server and its desktop client's OAuth settings over HTTPS, with a loopback redirect URI for the desktop
# app.
from mcp.client.auth import OAuthClientProvider
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP
from mcp.shared.auth import OAuthClientMetadata

from auth import WikiVerifier
from storage import TokenFile

mcp = FastMCP(
    "wiki",
    token_verifier=WikiVerifier(),
    auth=AuthSettings(
        issuer_url="https://sso.corp.example.com",
        resource_server_url="https://wiki.example.com/mcp",
        required_scopes=["wiki:read"],
    ),
)

client_auth = OAuthClientProvider(
    server_url="https://wiki.example.com/mcp",
    client_metadata=OAuthClientMetadata(
        client_name="Wiki desktop",
        redirect_uris=["http://127.0.0.1:33418/callback", "https://wiki-desktop.example.com/callback"],
    ),
    storage=TokenFile("~/.wiki/tokens.json"),
)


@mcp.tool()
def page_title(slug: str) -> str:
    """The title of a wiki page."""
    return slug.replace("-", " ").title()
