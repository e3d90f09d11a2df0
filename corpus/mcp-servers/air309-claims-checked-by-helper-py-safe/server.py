# case: the same billing server whose helper compares the audience by hand: the provider may put
# this server's id in `aud` or in the tenant-scoped `resource` claim, and the helper raises
# unless one of them names it, so PyJWT's own audience check is off on purpose.
import time

import jwt
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP

ISSUER = "https://login.example.net"
RESOURCE = "https://billing.example.net/mcp"
KEYS = jwt.PyJWKClient(f"{ISSUER}/keys")


def _ensure_issued_for_us(claims: dict, resource: str) -> None:
    audiences = claims.get("aud") or []
    if isinstance(audiences, str):
        audiences = [audiences]
    if resource in audiences or claims.get("resource") == resource:
        return
    raise jwt.InvalidAudienceError("token was issued for another service")


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
                options={"verify_aud": False},
            )
            _ensure_fresh(claims)
            _ensure_issued_for_us(claims, RESOURCE)
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
