from urllib.parse import urlparse

import requests
from mcp.server.fastmcp import FastMCP

TRACKER_HOSTS = {"bugs.example.org", "issues.example.org"}

mcp = FastMCP("issue-reader")


@mcp.tool()
def read_issue(url: str) -> str:
    """Return the text of an issue page from the project's trackers."""
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in TRACKER_HOSTS:
        raise ValueError(f"not a tracker page: {url}")
    resp = requests.get(url, timeout=10, allow_redirects=False)
    return resp.text


if __name__ == "__main__":
    mcp.run()
