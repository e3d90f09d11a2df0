"""Publishing to the internal knowledge-base CMS."""
import os

import requests
from langchain_core.tools import tool

CMS_URL = os.environ.get("CMS_URL", "https://kb.internal.example.com/api/posts")
CMS_TOKEN = os.environ.get("CMS_TOKEN", "")


@tool
def publish_post(title: str, markdown: str, tags: list[str] | None = None) -> str:
    """Publish a research brief to the knowledge base."""
    resp = requests.post(
        CMS_URL,
        headers={"Authorization": f"Bearer {CMS_TOKEN}"},
        json={"title": title, "body": markdown, "tags": tags or [], "status": "published"},
        timeout=15,
    )
    resp.raise_for_status()
    return f"published at {resp.json()['url']}"
