# case: a reading-list server whose tools download what the model names. `fetch_article` takes a
# whole URL and only checks its scheme; `mirror_status` lets the model pick the mirror's host. In
# both, injected text can point the server at an internal address (cloud metadata, an admin port
# on localhost) and read the answer back: a request forgery.
import httpx
import requests
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("reading-list")
HEADERS = {"User-Agent": "reading-list/1.0"}


def download(link: str, timeout: float = 20.0) -> bytes:
    response = requests.get(link, headers=HEADERS, timeout=timeout, allow_redirects=True)  # expect: AIR106
    response.raise_for_status()
    return response.content


@mcp.tool()
def fetch_article(address: str) -> str:
    """Download an article for the reading list."""
    if not address.startswith(("http://", "https://")):
        return "Error: only web addresses are supported"
    return download(address).decode("utf-8", "replace")


@mcp.tool()
async def mirror_status(mirror: str) -> str:
    """Report whether a mirror of the archive is up."""
    async with httpx.AsyncClient(timeout=10) as client:
        answer = await client.get("https://" + mirror + "/status")  # expect: AIR106
    return answer.text
