from urllib.parse import urlparse

import httpx
from markdownify import markdownify

from .settings import settings


class HostNotAllowed(ValueError):
    pass


def check_host(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in settings.allowed_hosts:
        raise HostNotAllowed(f"{parsed.hostname!r} is not on the allow-list")
    return url


async def get_text(url: str) -> tuple[str, str]:
    headers = {"User-Agent": settings.user_agent}
    async with httpx.AsyncClient(follow_redirects=True, timeout=settings.timeout) as client:
        resp = await client.get(url, headers=headers)
        resp.raise_for_status()
        return resp.text, resp.headers.get("content-type", "")


def to_markdown(html: str, content_type: str) -> str:
    if "html" in content_type:
        return markdownify(html, heading_style="ATX")
    return html
