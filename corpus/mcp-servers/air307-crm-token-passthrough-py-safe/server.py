# case: the same CRM MCP server calling the CRM with its own service credential, read from the
# environment; the caller's header is only logged by name, never sent on.
import logging
import os

import httpx
from mcp.server.fastmcp import Context, FastMCP

mcp = FastMCP("crm")
CRM_API = "https://api.crm.example.com/v2"
CRM_TOKEN = os.environ["CRM_SERVICE_TOKEN"]
log = logging.getLogger("crm")


@mcp.tool()
async def list_deals(stage: str, ctx: Context) -> str:
    """List the open deals in a pipeline stage."""
    request = ctx.request_context.request
    if request.headers.get("authorization"):
        log.info("authenticated call to list_deals")
    r = httpx.get(
        f"{CRM_API}/deals",
        params={"stage": stage},
        headers={"Authorization": f"Bearer {CRM_TOKEN}"},
    )
    return r.text


@mcp.tool()
async def account_summary(account_id: str) -> str:
    """Summarise one customer account."""
    client = httpx.AsyncClient(base_url=CRM_API, headers={"Authorization": f"Bearer {CRM_TOKEN}"})
    r = await client.get(f"/accounts/{account_id}/summary")
    return r.text
