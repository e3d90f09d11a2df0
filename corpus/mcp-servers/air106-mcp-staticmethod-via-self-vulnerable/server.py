# case: the same metrics server, but the model also names the table, which the static helper
# formats into the DDL.
import logging
import sqlite3

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("metrics")
log = logging.getLogger(__name__)
CONN = sqlite3.connect("metrics.db")


class Store:
    @staticmethod
    def _add_column(owner: str, table: str, column: str) -> None:
        log.info("migrating for %s", owner)
        CONN.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")  # expect: AIR106

    def migrate(self, requested_by: str, table: str) -> None:
        self._add_column(requested_by, table, "session_uid")


store = Store()


@mcp.tool()
def upgrade_schema(requested_by: str, table: str) -> str:
    """Add the newest columns to a metrics table."""
    store.migrate(requested_by, table)
    return "upgraded"
