# case: the same server, but the search helper takes the mirror to ask from its caller, and the
# tool lets the model name it: `mirror="http://169.254.169.254/latest"` sends the request (and its
# answer) wherever the model says. The typed paging arguments are handed on by keyword as in
# the fixed version.
import logging
from urllib.parse import quote

import httpx
from mcp.server.fastmcp import FastMCP

logger = logging.getLogger(__name__)
mcp = FastMCP("papers")

API_ENDPOINT = "https://papers.example.org/api/query"


def build_search_url(base: str, query: str, start: int = 0, max_results: int = 10) -> str:
    encoded = quote(query, safe="")
    paging = f"start={start}&max_results={max_results}"
    return f"{base}?search_query={encoded}&{paging}"


async def _get(client: httpx.AsyncClient, url: str) -> httpx.Response:
    async def attempt() -> httpx.Response:
        response = await client.get(url)  # expect: AIR106
        response.raise_for_status()
        return response

    return await attempt()


async def raw_search(mirror: str, query: str, start: int = 0, max_results: int = 10) -> str:
    url = build_search_url(
        mirror,
        query,
        start=start,
        max_results=max_results,
    )
    logger.debug("search url %s", url)
    async with httpx.AsyncClient(timeout=30) as client:
        response = await _get(client, url)
    return response.text


@mcp.tool()
async def search_papers(
    query: str, mirror: str = API_ENDPOINT, start: int = 0, max_results: int = 10
) -> str:
    """Search papers by keyword on a mirror of the archive."""
    return await raw_search(mirror, query, start=start, max_results=max_results)
