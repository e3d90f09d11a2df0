"""Read-only web tools for the researcher."""
import requests
from bs4 import BeautifulSoup
from langchain_core.tools import tool
from langchain_tavily import TavilySearch

web_search = TavilySearch(max_results=5, topic="general")


@tool
def fetch_page(url: str) -> str:
    """Download a web page and return its readable text (first ~8k characters)."""
    resp = requests.get(url, timeout=20, headers={"User-Agent": "deskagent/0.3"})
    resp.raise_for_status()
    soup = BeautifulSoup(resp.text, "html.parser")
    for tag in soup(["script", "style", "nav", "footer"]):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())[:8000]


RESEARCH_TOOLS = [web_search, fetch_page]
