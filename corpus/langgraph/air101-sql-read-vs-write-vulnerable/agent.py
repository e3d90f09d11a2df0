# case: a support agent reads any web page the model names and can cancel a customer's
# subscription with a fixed, parameterised UPDATE: a page can tell it to cancel anyone. The
# parameters are bound (no injection), but the query writes, so the tool is privileged.
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
def cancel_subscription(email: str) -> str:  # expect: AIR101
    """Cancel a customer's subscription."""
    DB.execute("UPDATE customers SET plan = 'cancelled' WHERE email = ?", (email,))
    DB.commit()
    return "cancelled"


# expect: AIR103
support = create_agent(
    "openai:gpt-4.1",
    tools=[fetch_page, cancel_subscription],
    system_prompt="Help customers with their subscription, using their web pages for context.",
)
