# case: the same help-desk server reading both client secrets from the environment.
import os

from fastmcp import FastMCP
from fastmcp.server.auth import OAuthProxy
from fastmcp.server.auth.providers.github import GitHubProvider

auth = OAuthProxy(
    upstream_authorization_endpoint="https://idp.example.com/oauth2/authorize",
    upstream_token_endpoint="https://idp.example.com/oauth2/token",
    upstream_client_id="desk-mcp",
    upstream_client_secret=os.environ["DESK_OAUTH_CLIENT_SECRET"],
    base_url="https://desk.example.com",
)
github = GitHubProvider(
    client_id="Iv1.8a61f9b3a7aba766",
    client_secret=os.environ["GITHUB_CLIENT_SECRET"],
    base_url="https://desk.example.com",
)

mcp = FastMCP("desk", auth=auth)


@mcp.tool()
def ticket_count(queue: str) -> int:
    """How many tickets are open in a queue."""
    return {"billing": 4, "hardware": 9}.get(queue, 0)
