# case: an expenses MCP server whose token verifier asks the authorization server whether a token
# is active (introspection) and checks that the token was issued for this server (its `aud`).
import os

from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP

from verifier import IntrospectionVerifier

mcp = FastMCP(
    "expenses",
    token_verifier=IntrospectionVerifier(
        "https://auth.example.com/oauth2/introspect", "expenses-mcp", os.environ.get("INTROSPECT_SECRET", "")
    ),
    auth=AuthSettings(
        issuer_url="https://auth.example.com",
        resource_server_url="https://expenses.example.com/mcp",
        required_scopes=["expenses:read"],
    ),
)


@mcp.tool()
def open_claims(employee: str) -> int:
    """How many expense claims of an employee are open."""
    return {"ana": 2, "li": 0}.get(employee, 0)
