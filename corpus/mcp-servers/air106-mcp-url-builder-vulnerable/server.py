# case: the same API bridge where a tool takes the server from the model: `join_url(server,
# path)` returns `server + path`, so whoever fills `server` picks where the request goes (with the
# operator's token); the builder itself is the same as in the safe case.
import os
from urllib.parse import urlencode

import requests
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("bridge")
TOKEN = os.environ.get("BRIDGE_TOKEN", "")
ROUTES = {"order": "/orders/{id}", "invoice": "/invoices/{id}"}


def join_url(base: str, path: str, query: dict | None = None) -> str:
    url = base + path
    if query:
        url += "?" + urlencode(query)
    return url


def fill(template: str, values: dict) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


@mcp.tool()
def get_record(server: str, kind: str, record_id: str) -> str:
    """Fetch one record from a bridged API server."""
    path = fill(ROUTES.get(kind, "/"), {"id": record_id})
    headers = {"Authorization": f"Bearer {TOKEN}"}
    return requests.get(join_url(server, path), headers=headers, timeout=10).text  # expect: AIR106
