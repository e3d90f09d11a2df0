# case: the same wiki server; the audience is stored into the keyword arguments before the decode
# (`kwargs["audience"] = RESOURCE`), and a second path that only peeks at a token's claims turns
# the signature check off (`opts["verify_signature"] = False`): a read of claims, not a check.
import jwt
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import FastMCP

ISSUER = "https://sso.example.org"
RESOURCE = "https://wiki.example.org/mcp"
SECRET_KEYS = jwt.PyJWKClient(f"{ISSUER}/jwks")


class WikiVerifier(TokenVerifier):
    def __init__(self, leeway: int = 30, enforce: bool = True) -> None:
        self.leeway = leeway
        self.enforce = enforce

    async def verify_token(self, token: str) -> AccessToken | None:
        opts: dict = {}
        kwargs: dict = {"algorithms": ["RS256"], "issuer": ISSUER}
        opts["require"] = ["exp", "iss"]
        kwargs["leeway"] = self.leeway
        if not self.enforce:
            opts["verify_signature"] = False
            kwargs["options"] = opts
            claims = jwt.decode(token, **kwargs)
            return AccessToken(token=token, client_id=claims["sub"], scopes=[])
        kwargs["options"] = opts
        kwargs["audience"] = RESOURCE
        key = SECRET_KEYS.get_signing_key_from_jwt(token).key
        try:
            claims = jwt.decode(token, key, **kwargs)
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
