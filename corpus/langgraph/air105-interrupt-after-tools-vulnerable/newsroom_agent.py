# case: A newsroom agent reads arbitrary web pages and can publish posts to the CMS; its only gate is interrupt_after=["tools"], which pauses after publish_post has already gone out, so injected page text can publish.
import requests
from langchain_community.document_loaders import WebBaseLoader
from langchain_core.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.prebuilt import create_react_agent

CMS_POSTS_URL = "https://cms.newsroom.example.com/api/v2/posts"


@tool("read_page")
def read_web_page(url: str) -> str:
    """Load a web page and return its readable text."""
    docs = WebBaseLoader(url).load()
    return "\n\n".join(d.page_content for d in docs)[:6000]


@tool
def publish_post(title: str, body: str, section: str = "briefs") -> str:  # expect: AIR101
    """Publish a post to the live site."""
    resp = requests.post(CMS_POSTS_URL, json={"title": title, "body": body, "section": section}, timeout=15)
    resp.raise_for_status()
    return f"published at {resp.json()['url']}"


newsroom_agent = create_react_agent(
    "anthropic:claude-sonnet-4-5",
    [read_web_page, publish_post],
    prompt="Summarise the linked story in a 150-word brief and publish it to the briefs section.",
    checkpointer=InMemorySaver(),
    interrupt_after=[
        "tools",  # expect: AIR105
    ],
)
