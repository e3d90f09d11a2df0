# case: the support agent whose database tool only reads (`SELECT`, a literal query with bound
# parameters): not a privileged action, so no AIR101. The customer rows are private data next to
# web content and a model-chosen URL, so the lethal trifecta (AIR103) is still reported.
import sqlite3

import requests
from langchain.agents import create_agent
from langchain.tools import tool

DB = sqlite3.connect("/srv/crm/customers.db", check_same_thread=False)


@tool
def fetch_page(url: str) -> str:
    """Fetch a web page and return its text."""
    return requests.get(url, timeout=10).text  # expect: AIR106


@tool
def subscription_status(email: str) -> str:
    """Return a customer's plan."""
    row = DB.execute("SELECT plan FROM customers WHERE email = ?", (email,)).fetchone()
    return str(row)


# expect: AIR103
support = create_agent(
    "openai:gpt-4.1",
    tools=[fetch_page, subscription_status],
    system_prompt="Help customers with their subscription, using their web pages for context.",
)
