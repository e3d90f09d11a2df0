"""Token verification against the authorization server (RFC 7662 introspection)."""

from mcp.server.auth.provider import AccessToken, TokenVerifier


class IntrospectionVerifier(TokenVerifier):
    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint

    async def verify_token(self, token: str) -> AccessToken | None:
        return None
