# case: a CRM MCP server (FastMCP over Streamable HTTP, behind the company's gateway) whose tools
# call the CRM's REST API with the bearer token the MCP client sent: read from the Starlette
# request of the tool's context, stripped of its scheme, and forwarded in an f-string; and the
# SDK's own `get_access_token().token` put in a client's default headers.
import httpx
from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.fastmcp import Context, FastMCP

mcp = FastMCP("crm")
CRM_API = "https://api.crm.example.com/v2"


@mcp.tool()
async def list_deals(stage: str, ctx: Context) -> str:
    """List the open deals in a pipeline stage."""
    request = ctx.request_context.request
    auth = request.headers.get("authorization", "")
    token = auth.removeprefix("Bearer ")
    r = httpx.get(
        f"{CRM_API}/deals",
        params={"stage": stage},
        headers={"Authorization": f"Bearer {token}"},  # expect: AIR307
    )
    return r.text


@mcp.tool()
async def account_summary(account_id: str) -> str:
    """Summarise one customer account."""
    access = get_access_token()
    client = httpx.AsyncClient(
        base_url=CRM_API,
        headers={"Authorization": f"Bearer {access.token}"},  # expect: AIR307
    )
    r = await client.get(f"/accounts/{account_id}/summary")
    return r.text
