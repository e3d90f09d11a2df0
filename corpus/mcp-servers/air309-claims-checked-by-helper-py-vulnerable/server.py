# case: a billing MCP server that turns PyJWT's audience check off because its identity provider
# puts the tenant in a custom claim, then hands the claims to a helper that only checks expiry
# skew and never looks at who the token was issued for: any token of the provider passes.
import time

import jwt
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP

ISSUER = "https://login.example.net"
RESOURCE = "https://billing.example.net/mcp"
KEYS = jwt.PyJWKClient(f"{ISSUER}/keys")


def _ensure_fresh(claims: dict) -> None:
    issued = claims.get("iat", 0)
    if issued > time.time() + 60:
        raise jwt.InvalidTokenError("token issued in the future")


class BillingVerifier(TokenVerifier):
    async def verify_token(self, token: str) -> AccessToken | None:
        key = KEYS.get_signing_key_from_jwt(token).key
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                issuer=ISSUER,
                options={"verify_aud": False},  # expect: AIR309
            )
            _ensure_fresh(claims)
        except jwt.PyJWTError:
            return None
        return AccessToken(token=token, client_id=claims["azp"], scopes=claims["scp"].split())


mcp = FastMCP(
    "billing",
    token_verifier=BillingVerifier(),
    auth=AuthSettings(issuer_url=ISSUER, resource_server_url=RESOURCE, required_scopes=["billing"]),
)


@mcp.tool()
def invoice_total(invoice_id: int) -> int:
    """The total of one invoice, in cents."""
    return invoice_id * 0
