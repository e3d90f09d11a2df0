# case: The same research agent reads the web but has no access to customer records (the CRM lookup moved to a separate agent that never reads the web): two legs of three, clean by the Rule of Two.
import requests
from langchain.agents import create_agent
from langchain.tools import tool


@tool
def fetch_page(url: str) -> str:
    """Fetch a web page and return its text."""
    return requests.get(url, timeout=10).text  # expect: AIR106


researcher = create_agent(
    "openai:gpt-4.1",
    tools=[fetch_page],
    system_prompt="Research the customer's company on the web and summarise what you find.",
)
