# case: AIR106 — vulnerable: the prefix is put in quotes with its quotes left in, and the
# comment's quotes are turned into backslash escapes, which a trailing backslash in the text
# undoes; both close the literal and append SQL (a `UNION SELECT` reads any table the role
# can, though the driver runs one statement per call).
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
        prefix = starts_with.strip()
        statement += f" WHERE table_name LIKE '{prefix}%'"
    return con.cursor().execute(statement).fetchall()  # expect: AIR106


@mcp.tool()
def set_comment(kind: Literal["TABLE", "VIEW"], comment: str) -> list:
    """Set the comment of the session's current object."""
    return con.cursor().execute(f"COMMENT ON {kind} current_object IS '{comment.replace("'", "\\'")}'").fetchall()  # expect: AIR106
