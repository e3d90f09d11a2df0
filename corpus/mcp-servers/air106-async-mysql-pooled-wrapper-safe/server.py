# case: AIR106 (safe) — the same server takes the database name only from the operator's list
# of databases it serves.
from mcp.server.fastmcp import FastMCP

from db import Sessions

mcp = FastMCP("warehouse")
SESSIONS = Sessions()
SERVED = {"shop", "shop_archive"}


@mcp.tool()
async def count_rows(database: str, table_id: int) -> str:
    """Count the rows of one of the shop's tables."""
    if database not in SERVED:
        raise ValueError(f"unknown database: {database}")
    session = await SESSIONS.open("count")
    await session.run(f"USE `{database}`")
    rows = await session.run("SELECT COUNT(*) AS n FROM tables WHERE id = %s", (table_id,))
    return str(rows[0]["n"])
