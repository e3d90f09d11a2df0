# case: the same reading-list server, safe. `fetch_article` refuses addresses that resolve to
# private, loopback or link-local hosts, in a guard that hands the address to the check unless an
# operator allowed private hosts; the archive tools put the model's values only in the path or
# query of a fixed server (a literal host, a configured base URL, or a client's `base_url`).
import ipaddress
import os
import socket
from urllib.parse import quote, urlparse

import httpx
import requests
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("reading-list")
ARCHIVE = os.environ.get("ARCHIVE_URL", "https://archive.example.test")
ALLOW_PRIVATE = os.environ.get("READING_LIST_ALLOW_PRIVATE") == "1"
client = httpx.Client(base_url=ARCHIVE, timeout=10)


def refuse_private(address: str) -> None:
    host = urlparse(address).hostname or ""
    for info in socket.getaddrinfo(host, None):
        ip = ipaddress.ip_address(info[4][0])
        if ip.is_private or ip.is_loopback or ip.is_link_local:
            raise ValueError(f"refusing a private address: {host}")


def guard(address: str) -> None:
    if not ALLOW_PRIVATE:
        refuse_private(address)


@mcp.tool()
def fetch_article(address: str) -> str:
    """Download an article for the reading list."""
    guard(address)
    return requests.get(address, timeout=20).text


@mcp.tool()
def article_by_id(article_id: str) -> str:
    """Fetch an archived article by its identifier."""
    return requests.get(f"https://archive.example.test/articles/{quote(article_id)}", timeout=20).text


@mcp.tool()
def search_archive(words: str) -> str:
    """Search the archive."""
    return requests.get(ARCHIVE + "/search", params={"q": words}, timeout=20).text


@mcp.tool()
def article_notes(article_id: str) -> str:
    """Read the notes kept for an archived article."""
    return client.get("articles/%s/notes" % article_id).text
