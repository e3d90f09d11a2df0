# case: The same team; the browser asks a person before each fetch (`HumanInTheLoopMiddleware` on `fetch_page`, checkpointer from the compiled supervisor): with the exfiltration leg gated, the group holds two legs of three (Rule of Two).
from pathlib import Path

import requests
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph_supervisor import create_supervisor

NOTES = Path("/srv/crm/notes")


@tool
def fetch_page(url: str) -> str:
    """Fetch a web page and return its text."""
    return requests.get(url, timeout=10).text  # expect: AIR106


@tool
def read_notes(customer_id: str) -> str:
    """Return the account manager's private notes about a customer."""
    return (NOTES / f"{customer_id}.md").read_text()  # expect: AIR106


browser = create_agent(
    "openai:gpt-4.1",
    tools=[fetch_page],
    name="browser",
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"fetch_page": True})],
)
notes = create_agent("openai:gpt-4.1", tools=[read_notes], name="notes")

team = create_supervisor([browser, notes], model="openai:gpt-4.1").compile(checkpointer=InMemorySaver())
