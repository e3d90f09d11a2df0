# case: the same ticket server with the store made by its factory classmethod, but the lookup
# binds the model's status as a query parameter: the text of the query is the code's own.
import os
import sqlite3

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("tickets")


class TicketStore:
    def __init__(self, path: str):
        self.db = sqlite3.connect(path)

    @classmethod
    def open(cls) -> "TicketStore":
        return cls(os.environ.get("TICKETS_DB", "tickets.sqlite"))

    @classmethod
    def reopen(cls, other):
        return cls.open()

    def matching(self, status: str):
        query = "SELECT id, title FROM tickets WHERE status = ?"
        return self.db.execute(query, (status,)).fetchall()


@mcp.tool()
def tickets_with_status(status: str) -> str:
    """List the tickets in one status."""
    store = TicketStore.open()
    again = store.reopen(store)
    return "\n".join(f"{i}: {t}" for i, t in again.matching(status))
