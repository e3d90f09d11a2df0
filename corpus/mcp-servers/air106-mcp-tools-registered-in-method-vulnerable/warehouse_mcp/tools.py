"""The warehouse tools, registered on whichever server the application builds."""
import json

from warehouse_mcp.analysis import TableAnalyzer


class WarehouseTools:
    def __init__(self, settings: dict) -> None:
        self.analyzer = TableAnalyzer(settings.get("path", "warehouse.db"))

    def register(self, server) -> None:
        @server.tool(name="column_profile", description="Value counts of one column of a table")
        async def column_profile(table: str, column: str) -> str:
            rows = self.analyzer.column_profile(table, column)
            return json.dumps(rows)
