# case: a warehouse-metrics server whose connection is a process-wide singleton: `Warehouse()`
# hands back the instance its `__new__` made on the first call, and `Warehouse.instance()` the
# one the classmethod stored on the class. Both tools glue the model's text into SQL that the
# helper `fetch` runs unchanged, so each is reported where its text is written (AIR106).
import duckdb
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("warehouse-metrics")


class Warehouse:
    _shared = None

    def __new__(cls):
        if cls._shared is None:
            cls._shared = super().__new__(cls)
            cls._shared.conn = duckdb.connect("metrics.duckdb", read_only=False)
        return cls._shared

    @classmethod
    def instance(cls):
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def fetch(self, sql):
        return self.conn.execute(sql).fetchall()


@mcp.tool()
def metric_rows(metric: str) -> str:
    """Rows of one metric."""
    return str(Warehouse().fetch(f"SELECT day, value FROM metrics WHERE name = '{metric}'"))  # expect: AIR106


@mcp.tool()
def metric_window(days: str) -> str:
    """Totals over the last days."""
    text = "SELECT name, sum(value) FROM metrics WHERE day > current_date - " + days + " GROUP BY name"
    return str(Warehouse.instance().fetch(text))  # expect: AIR106
