# case: a wiki MCP server and its desktop client's OAuth settings over plain HTTP: the authorization server's issuer on the
# intranet, and a redirect URI on a public host (the loopback one is allowed).
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
        issuer_url="http://sso.corp.example.com",  # expect: AIR310
        resource_server_url="https://wiki.example.com/mcp",
        required_scopes=["wiki:read"],
    ),
)

client_auth = OAuthClientProvider(
    server_url="https://wiki.example.com/mcp",
    client_metadata=OAuthClientMetadata(
        client_name="Wiki desktop",
        redirect_uris=["http://127.0.0.1:33418/callback", "http://wiki-desktop.example.com/callback"],  # expect: AIR310
    ),
    storage=TokenFile("~/.wiki/tokens.json"),
)


@mcp.tool()
def page_title(slug: str) -> str:
    """The title of a wiki page."""
    return slug.replace("-", " ").title()
