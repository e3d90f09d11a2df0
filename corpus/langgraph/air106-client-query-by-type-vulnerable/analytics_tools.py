# case: A tool class declares its ClickHouse client as a field (`client: Client`, the driver's class); the model's SQL goes to `self.client.query(sql)`. The field's annotation, not the receiver's name, makes `query` a SQL sink; *no source*.
from typing import Any

from clickhouse_connect.driver.client import Client
from langchain_core.tools import BaseTool


class RunReportTool(BaseTool):
    name: str = "run_report"
    description: str = "Run a SQL report over the analytics tables and return the rows."
    client: Client

    def _run(self, sql: str, **kwargs: Any) -> str:
        result = self.client.query(sql)  # expect: AIR106
        return str(result.result_rows)
