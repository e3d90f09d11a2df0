# case: AIR106 — a warehouse MCP server switches to the database the model names before
# counting a table's rows: `USE `{database}`` is pasted into SQL, so a database name holding a
# backtick ends the identifier and the rest runs as SQL.
from mcp.server.fastmcp import FastMCP

from db import Sessions

mcp = FastMCP("warehouse")
SESSIONS = Sessions()


@mcp.tool()
async def count_rows(database: str, table_id: int) -> str:
    """Count the rows of one of the shop's tables."""
    session = await SESSIONS.open("count")
    await session.run(f"USE `{database}`")  # expect: AIR106
    rows = await session.run("SELECT COUNT(*) AS n FROM tables WHERE id = %s", (table_id,))
    return str(rows[0]["n"])
