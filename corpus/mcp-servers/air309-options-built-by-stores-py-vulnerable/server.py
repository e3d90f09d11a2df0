# case: a wiki MCP server that builds PyJWT's keyword arguments step by step (`kwargs["options"] =
# opts`) and spreads them into the decode; nothing ever sets an audience, so a token issued for
# another service of the same provider is accepted.
import jwt
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP

ISSUER = "https://sso.example.org"
RESOURCE = "https://wiki.example.org/mcp"
SECRET_KEYS = jwt.PyJWKClient(f"{ISSUER}/jwks")


class WikiVerifier(TokenVerifier):
    def __init__(self, leeway: int = 30) -> None:
        self.leeway = leeway

    async def verify_token(self, token: str) -> AccessToken | None:
        opts: dict = {}
        kwargs: dict = {"algorithms": ["RS256"], "issuer": ISSUER}
        opts["require"] = ["exp", "iss"]
        kwargs["leeway"] = self.leeway
        kwargs["options"] = opts
        key = SECRET_KEYS.get_signing_key_from_jwt(token).key
        try:
            claims = jwt.decode(token, key, **kwargs)  # expect: AIR309
        except jwt.PyJWTError:
            return None
        return AccessToken(token=token, client_id=claims["sub"], scopes=["wiki"])


mcp = FastMCP(
    "wiki",
    token_verifier=WikiVerifier(),
    auth=AuthSettings(issuer_url=ISSUER, resource_server_url=RESOURCE, required_scopes=["wiki"]),
)


@mcp.tool()
def page_title(page_id: int) -> str:
    """The title of a wiki page."""
    return f"page {page_id}"
