# case: the same contacts server whose shared decode options name this server as the audience
# (RFC 8707 resource), so a token issued for another service is rejected; the options dict is
# followed through the `**` spreads to find it.
import jwt
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP

ISSUER = "https://auth.example.com"
RESOURCE = "https://contacts.example.com/mcp"
JWKS = jwt.PyJWKClient(f"{ISSUER}/.well-known/jwks.json")
COMMON = {"algorithms": ["RS256"], "leeway": 30}
DECODE_OPTIONS = {**COMMON, "issuer": ISSUER, "audience": RESOURCE}


class ContactsVerifier(TokenVerifier):
    async def verify_token(self, token: str) -> AccessToken | None:
        key = JWKS.get_signing_key_from_jwt(token).key
        try:
            claims = jwt.decode(token, key, **DECODE_OPTIONS)
        except jwt.PyJWTError:
            return None
        return AccessToken(token=token, client_id=claims["azp"], scopes=claims["scope"].split())


mcp = FastMCP(
    "contacts",
    token_verifier=ContactsVerifier(),
    auth=AuthSettings(issuer_url=ISSUER, resource_server_url=RESOURCE, required_scopes=["contacts:read"]),
)


@mcp.tool()
def find_contact(name: str) -> list[str]:
    """Contacts whose name matches."""
    return [name]
