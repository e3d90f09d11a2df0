# case: the same reader, with the guards that do not guard. The resolved addresses are checked
# but a private one is only logged; the host name's text is compared with a few spellings of
# localhost (a public name that resolves to 169.254.169.254 passes); the boolean helper resolves
# the host but its answer is ignored; and one tool fetches with no check at all. The model's
# URL reaches the request in each.
import ipaddress
import logging
import socket
from urllib.parse import urlparse

import httpx
from mcp.server.fastmcp import FastMCP

logger = logging.getLogger(__name__)
mcp = FastMCP("reader")


def _blocked(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved


def host_is_public(url: str) -> bool:
    parsed = urlparse(url)
    for family, _, _, _, sockaddr in socket.getaddrinfo(parsed.hostname, None):
        if _blocked(sockaddr[0]):
            return False
    return True


@mcp.tool()
async def read_page(url: str) -> str:
    """Read a web page and return its text."""
    hostname = urlparse(url).hostname
    for info in socket.getaddrinfo(hostname, 443):
        if ipaddress.ip_address(info[4][0]).is_private:
            logger.warning("fetching an internal address for %s", hostname)
    async with httpx.AsyncClient(timeout=20) as client:
        return (await client.get(url)).text  # expect: AIR106


@mcp.tool()
def read_feed(feed_url: str) -> str:
    """Read an RSS or Atom feed."""
    host = urlparse(feed_url).hostname
    if host in ("localhost", "127.0.0.1", "::1"):
        raise PermissionError("local feeds are not allowed")
    return httpx.get(feed_url, timeout=20).text  # expect: AIR106


@mcp.tool()
def page_title(url: str) -> str:
    """Return the title of a web page."""
    public = host_is_public(url)
    logger.info("host public: %s", public)
    html = httpx.get(url, timeout=20).text  # expect: AIR106
    start = html.find("<title>")
    return html[start + 7 : html.find("</title>")] if start >= 0 else ""


@mcp.tool()
def head_status(url: str) -> int:
    """Return the HTTP status of a URL."""
    return httpx.head(url, timeout=10).status_code  # expect: AIR106
