import hashlib

import httpx
from mcp.server.fastmcp import Context, FastMCP
from mcp.types import ToolAnnotations

from .client import check_host, get_text, to_markdown
from .settings import settings

mcp = FastMCP("fetch")


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=True))
async def fetch(url: str, max_length: int = 5000, start_index: int = 0) -> str:
    """Fetch a URL and return its content as markdown."""
    body, ctype = await get_text(url)
    text = to_markdown(body, ctype)
    return text[start_index : start_index + max_length]


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=True))
async def fetch_docs(url: str, max_length: int = 8000) -> str:
    """Fetch a page from one of the trusted documentation sites."""
    check_host(url)
    async with httpx.AsyncClient(timeout=settings.timeout) as client:
        resp = await client.get(url, headers={"User-Agent": settings.user_agent})
    return to_markdown(resp.text, resp.headers.get("content-type", ""))[:max_length]


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True))
async def save_snapshot(url: str, dest: str, ctx: Context) -> str:
    """Download a trusted documentation page and save it to `dest`."""
    body, _ = await get_text(check_host(url))
    await ctx.info(f"saving {len(body)} bytes")
    with open(dest, "w", encoding="utf-8") as fh:
        fh.write(body)
    return f"saved to {dest}"


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, idempotentHint=True))
async def cache_page(url: str) -> str:
    """Fetch a trusted page into the local cache and return the cache key."""
    body, _ = await get_text(check_host(url))
    key = hashlib.sha256(url.encode()).hexdigest()
    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    (settings.cache_dir / f"{key}.html").write_text(body, encoding="utf-8")
    return key


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=True))
def notify(message: str) -> str:
    """Send a short note to the team channel when research is done."""
    resp = httpx.post(settings.webhook_url, json={"text": message[:2000]}, timeout=10)
    return "sent" if resp.is_success else f"webhook returned {resp.status_code}"


if __name__ == "__main__":
    mcp.run()
