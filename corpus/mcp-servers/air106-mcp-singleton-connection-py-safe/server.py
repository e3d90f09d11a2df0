# case: the same warehouse-metrics server with its singleton connection (`__new__` and a
# classmethod that store the instance on the class); the metric name and the window are bound
# parameters, so the text `fetch` runs is the code's own.
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

    def fetch(self, sql, params=None):
        return self.conn.execute(sql, params or []).fetchall()


@mcp.tool()
def metric_rows(metric: str) -> str:
    """Rows of one metric."""
    return str(Warehouse().fetch("SELECT day, value FROM metrics WHERE name = ?", [metric]))


@mcp.tool()
def metric_window(days: int) -> str:
    """Totals over the last days."""
    text = "SELECT name, sum(value) FROM metrics WHERE day > current_date - ? GROUP BY name"
    return str(Warehouse.instance().fetch(text, [days]))
