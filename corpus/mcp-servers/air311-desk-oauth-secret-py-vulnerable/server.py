# case: a help-desk MCP server behind fastmcp's OAuth proxy to the company's identity provider,
# with the upstream client secret pasted into the code, and a GitHub sign-in preset whose secret
# comes from a module constant.
from fastmcp import FastMCP
from fastmcp.server.auth import OAuthProxy
from fastmcp.server.auth.providers.github import GitHubProvider

GITHUB_SECRET = "gH7kQ2vX9mLpR4tWz8Nb"

auth = OAuthProxy(
    upstream_authorization_endpoint="https://idp.example.com/oauth2/authorize",
    upstream_token_endpoint="https://idp.example.com/oauth2/token",
    upstream_client_id="desk-mcp",
    upstream_client_secret="Zq8vR2mX9kLpT4wNa1Yc",  # expect: AIR311
    base_url="https://desk.example.com",
)
github = GitHubProvider(client_id="Iv1.8a61f9b3a7aba766", client_secret=GITHUB_SECRET, base_url="https://desk.example.com")

mcp = FastMCP("desk", auth=auth)


@mcp.tool()
def ticket_count(queue: str) -> int:
    """How many tickets are open in a queue."""
    return {"billing": 4, "hardware": 9}.get(queue, 0)
