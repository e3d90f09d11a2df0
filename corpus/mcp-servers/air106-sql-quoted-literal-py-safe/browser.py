# case: AIR106 — safe: the statements are written without bind variables, so the prefix goes
# into a quoted literal after every quote in it is removed (through a name), and the comment text
# after every quote is doubled (inline in the f-string); the object kind is a Literal.
from typing import Literal

import snowflake.connector
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("warehouse-browser")


con = snowflake.connector.connect()


@mcp.tool()
def list_objects(kind: Literal["TABLES", "VIEWS"], starts_with: str = "") -> list:
    """List warehouse objects, optionally by name prefix."""
    statement = f"SELECT table_name, comment FROM information_schema.{kind}"
    if starts_with:
        prefix = starts_with.replace("'", "")
        statement += f" WHERE table_name LIKE '{prefix}%'"
    return con.cursor().execute(statement).fetchall()


@mcp.tool()
def set_comment(kind: Literal["TABLE", "VIEW"], comment: str) -> list:
    """Set the comment of the session's current object."""
    return con.cursor().execute(f"COMMENT ON {kind} current_object IS '{comment.replace("'", "''")}'").fetchall()
