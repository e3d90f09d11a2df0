# case: AIR106 (safe) — the newest rows of an audit table; the row count is interpolated into the
# statement. Declared `int` (with bounds), FastMCP converts the model's value to an integer
# before the body runs, and no text survives that.
import sqlite3
from typing import Annotated

from mcp.server.fastmcp import FastMCP
from pydantic import Field

mcp = FastMCP("audit-log")
DB = "/var/lib/audit/audit.db"


@mcp.tool()
def recent_events(count: Annotated[int, Field(ge=1, le=500, description="how many events")] = 20) -> list:
    """The newest audit events, newest first."""
    with sqlite3.connect(DB) as conn:
        return conn.execute(f"SELECT at, actor, action FROM events ORDER BY at DESC LIMIT {count}").fetchall()


if __name__ == "__main__":
    mcp.run()
