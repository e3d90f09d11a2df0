# case: AIR106 (safe) — a reporting agent's tools come from a `FunctionToolset` passed in `toolsets=`;
# the query binds the model's argument as a parameter.
import sqlite3

from pydantic_ai import Agent
from pydantic_ai.toolsets import FunctionToolset

DB = "reports.db"


def customer_orders(customer: str) -> list:
    """Orders of one customer."""
    conn = sqlite3.connect(DB)
    rows = conn.execute("SELECT * FROM orders WHERE customer = ?", (customer,)).fetchall()
    return rows


reporting = FunctionToolset(tools=[customer_orders])

agent = Agent("anthropic:claude-sonnet-4-5", toolsets=[reporting.prefixed("report")])
