import httpx
from mcp.server.fastmcp import FastMCP

from .hosts import require_wiki_host

mcp = FastMCP("wiki")


@mcp.tool()
async def read_page(url: str) -> str:
    """Read a page of the team wiki."""
    async with httpx.AsyncClient(timeout=15) as client:
        resp = await client.get(url)  # expect: AIR106
    return resp.text


@mcp.tool()
async def page_title(url: str) -> str:
    """Return the title of a wiki page."""
    async with httpx.AsyncClient(timeout=15) as client:
        resp = await client.get(require_wiki_host(url))
    return resp.text.split("<title>", 1)[-1].split("</title>", 1)[0]
