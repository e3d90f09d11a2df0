# case: a page-reading server that lets the model pick any URL but refuses, before each fetch,
# hosts that resolve to a private, loopback or link-local address. The guard comes in four
# shapes real servers use: a loop over `getaddrinfo` refusing inline, a list of addresses
# checked by a predicate of the module, a boolean helper the tool asks, and the single address
# `gethostbyname` returns. Every fetch is guarded, so no finding is expected.
import ipaddress
import socket
from urllib.parse import urlparse

import httpx
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("reader")


def _blocked(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved


def host_is_public(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return False
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
            raise ValueError("refusing an internal address")
    async with httpx.AsyncClient(timeout=20) as client:
        return (await client.get(url)).text


@mcp.tool()
def read_feed(feed_url: str) -> str:
    """Read an RSS or Atom feed."""
    parsed = urlparse(feed_url)
    addresses = {entry[4][0] for entry in socket.getaddrinfo(parsed.hostname, None)}
    for address in addresses:
        if _blocked(address):
            raise PermissionError(f"{parsed.hostname} resolves to an internal address")
    return httpx.get(feed_url, timeout=20).text


@mcp.tool()
def page_title(url: str) -> str:
    """Return the title of a web page."""
    if not host_is_public(url):
        return "error: that host is not reachable from here"
    html = httpx.get(url, timeout=20).text
    start = html.find("<title>")
    return html[start + 7 : html.find("</title>")] if start >= 0 else ""


@mcp.tool()
def head_status(url: str) -> int:
    """Return the HTTP status of a URL."""
    host = urlparse(url).hostname
    if _blocked(socket.gethostbyname(host)):
        raise ValueError("internal address")
    return httpx.head(url, timeout=10).status_code
