# case: an API bridge whose requests go through a URL builder: `join_url(base, path, query)`
# returns `base + path` (plus a query string). The tools pass the operator's configured base, so
# the model's values (a path template filled with its ids, the query) never pick the server.
import os
from urllib.parse import urlencode

import requests
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("bridge")
API_BASE = os.environ.get("BRIDGE_API", "https://api.example.test")
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
def get_record(kind: str, record_id: str) -> str:
    """Fetch one record of the bridged API."""
    path = fill(ROUTES.get(kind, "/"), {"id": record_id})
    return requests.get(join_url(API_BASE, path), timeout=10).text


@mcp.tool()
def search_records(kind: str, words: str) -> str:
    """Search records of the bridged API."""
    path = fill(ROUTES.get(kind, "/"), {"id": ""})
    return requests.get(join_url(API_BASE, path, {"q": words}), timeout=10).text
