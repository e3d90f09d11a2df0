"""Token verification for the expenses MCP server: RFC 7662 introspection at the company's
authorization server. The verifier requires `active` and an audience naming this server."""

import httpx
from mcp.server.auth.provider import AccessToken, TokenVerifier


class IntrospectionVerifier(TokenVerifier):
    def __init__(self, introspection_endpoint: str, client_id: str, client_secret_env: str) -> None:
        self.resource_url = "https://expenses.example.com/mcp"
        self.introspection_endpoint = introspection_endpoint
        self.client_id = client_id
        self.client_secret_env = client_secret_env

    async def verify_token(self, token: str) -> AccessToken | None:
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.post(
                self.introspection_endpoint,
                data={"token": token},
                auth=(self.client_id, self.client_secret_env),
            )
        if response.status_code != 200:
            return None
        data = response.json()
        if not data.get("active", False):
            return None
        audiences = data.get("aud", [])
        if self.resource_url not in (audiences if isinstance(audiences, list) else [audiences]):
            return None
        return AccessToken(
            token=token,
            client_id=data.get("client_id", "unknown"),
            scopes=data.get("scope", "").split(),
            expires_at=data.get("exp"),
        )
