# case: a paper-search server builds its API URL in a helper from the module's fixed endpoint
# and percent-encoded query, and the search helper hands its own typed paging arguments
# (`start: int`, `max_results: int`) on by keyword. The model picks the query and the paging
# numbers, never the server: the request goes to the one endpoint the code names.
import logging
from urllib.parse import quote

import httpx
from mcp.server.fastmcp import FastMCP

logger = logging.getLogger(__name__)
mcp = FastMCP("papers")

API_ENDPOINT = "https://papers.example.org/api/query"


def build_search_url(query: str, start: int = 0, max_results: int = 10) -> str:
    encoded = quote(query, safe="")
    paging = f"start={start}&max_results={max_results}"
    return f"{API_ENDPOINT}?search_query={encoded}&{paging}"


async def _get(client: httpx.AsyncClient, url: str) -> httpx.Response:
    async def attempt() -> httpx.Response:
        response = await client.get(url)
        response.raise_for_status()
        return response

    return await attempt()


async def raw_search(query: str, start: int = 0, max_results: int = 10) -> str:
    url = build_search_url(
        query,
        start=start,
        max_results=max_results,
    )
    logger.debug("search url %s", url)
    async with httpx.AsyncClient(timeout=30) as client:
        response = await _get(client, url)
    return response.text


@mcp.tool()
async def search_papers(query: str, start: int = 0, max_results: int = 10) -> str:
    """Search papers by keyword."""
    return await raw_search(query, start=start, max_results=max_results)
