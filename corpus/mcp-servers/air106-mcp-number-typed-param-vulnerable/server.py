# case: AIR106 — the newest rows of an audit table; the row count is interpolated into the
# statement. Declared `str`, the count is whatever text the model writes.
import sqlite3
from typing import Annotated

from mcp.server.fastmcp import FastMCP
from pydantic import Field

mcp = FastMCP("audit-log")
DB = "/var/lib/audit/audit.db"


@mcp.tool()
def recent_events(count: Annotated[str, Field(description="how many events")] = "20") -> list:
    """The newest audit events, newest first."""
    with sqlite3.connect(DB) as conn:
        return conn.execute(f"SELECT at, actor, action FROM events ORDER BY at DESC LIMIT {count}").fetchall()  # expect: AIR106


if __name__ == "__main__":
    mcp.run()
