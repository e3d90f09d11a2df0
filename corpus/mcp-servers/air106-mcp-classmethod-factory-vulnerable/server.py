# case: a ticket server whose store is made by a factory classmethod (`TicketStore.open()`
# returns `cls(path)`); the store's lookup glues the model's filter into the query text, so the
# model writes SQL (AIR106). The store's type is known only through the classmethod's `cls`.
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
        query = "SELECT id, title FROM tickets WHERE status = '" + status + "'"
        return self.db.execute(query).fetchall()  # expect: AIR106


@mcp.tool()
def tickets_with_status(status: str) -> str:
    """List the tickets in one status."""
    store = TicketStore.open()
    again = store.reopen(store)
    return "\n".join(f"{i}: {t}" for i, t in again.matching(status))
