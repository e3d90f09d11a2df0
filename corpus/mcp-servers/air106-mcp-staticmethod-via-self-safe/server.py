# case: a metrics server (the shape of jcodemunch-mcp's token tracker, found by the ecosystem
# check) whose store calls a `@staticmethod` migration helper through `self` with literal table
# and column names; the model's value is the helper's first argument, only logged. A static method
# read through an instance takes no `self`: the arguments bind from its first parameter.
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
        CONN.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")

    def migrate(self, requested_by: str) -> None:
        self._add_column(requested_by, "events", "session_uid")


store = Store()


@mcp.tool()
def upgrade_schema(requested_by: str) -> str:
    """Add the newest columns to the metrics tables."""
    store.migrate(requested_by)
    return "upgraded"
