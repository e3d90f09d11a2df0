# case: Same data-retention agent with a checkpointer passed to create_agent, so the HITL interrupt on delete_customer can pause and be resumed by the privacy team.
import sqlite3

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver

DB_PATH = "/var/lib/crm/customers.sqlite3"

RETENTION_POLICY = (
    "Closed accounts are kept for 24 months after closure. Accounts under legal hold are "
    "never erased. Erasure requests under GDPR art. 17 are honoured within 30 days."
)


@tool
def retention_policy() -> str:
    """Return the company's customer-data retention policy."""
    return RETENTION_POLICY


@tool
def delete_customer(customer_id: str, ticket: str) -> str:
    """Permanently erase one customer record and log the erasure ticket."""
    conn = sqlite3.connect(DB_PATH)
    try:
        cur = conn.cursor()
        cur.execute("DELETE FROM customers WHERE id = ?", (customer_id,))
        cur.execute("INSERT INTO erasure_log (customer_id, ticket) VALUES (?, ?)", (customer_id, ticket))
        conn.commit()
        return f"erased {cur.rowcount} record(s) for {customer_id}"
    finally:
        conn.close()


retention_agent = create_agent(
    model="openai:gpt-4.1",
    tools=[retention_policy, delete_customer],
    system_prompt="You help the privacy team apply the retention policy to customer records.",
    middleware=[
        HumanInTheLoopMiddleware(
            interrupt_on={"delete_customer": {"allowed_decisions": ["approve", "reject"]}},
        ),
    ],
    checkpointer=InMemorySaver(),
)
