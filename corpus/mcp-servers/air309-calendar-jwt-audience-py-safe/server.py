# case: a calendar MCP server whose token verifier checks JWT access tokens from the company's
# authorization server bound to this server: the audience is the resource URL clients
# request tokens for.
import jwt
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP

ISSUER = "https://auth.example.com"
RESOURCE = "https://calendar.example.com/mcp"
JWKS = jwt.PyJWKClient(f"{ISSUER}/.well-known/jwks.json")


class JwtVerifier(TokenVerifier):
    async def verify_token(self, token: str) -> AccessToken | None:
        key = JWKS.get_signing_key_from_jwt(token).key
        try:
            claims = jwt.decode(token, key, algorithms=["RS256"], issuer=ISSUER, audience=RESOURCE)
        except jwt.PyJWTError:
            return None
        return AccessToken(token=token, client_id=claims["azp"], scopes=claims["scope"].split())


def service_claims(token: str, key: str) -> dict:
    """Tokens minted for the calendar's own batch jobs."""
    return jwt.decode(token, key, algorithms=["HS256"], audience=RESOURCE)


mcp = FastMCP(
    "calendar",
    token_verifier=JwtVerifier(),
    auth=AuthSettings(issuer_url=ISSUER, resource_server_url=RESOURCE, required_scopes=["calendar:read"]),
)


@mcp.tool()
def free_slots(day: str) -> list[str]:
    """Free meeting slots on a day (YYYY-MM-DD)."""
    return ["09:00", "14:30"]
