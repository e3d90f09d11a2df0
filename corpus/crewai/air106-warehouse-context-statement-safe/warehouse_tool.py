# case: AIR106 (safe) — a CrewAI tool that lists a warehouse's tables. The model may pick the
# database and schema; the tool writes `USE DATABASE {db}` and `SHOW TABLES IN SCHEMA {schema}`
# and runs each with the Snowflake connector's `execute`, which refuses a second statement. A
# statement the code starts with `USE DATABASE` or `SHOW` only switches context or reads the
# catalog, whatever name follows (`context_statements`). The connection comes from a pool
# method whose return annotation names the connector's class: the value an executor hands
# back stands for that class, so `conn.cursor().execute` is the connector's call.
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from crewai.tools import BaseTool
from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from snowflake.connector.connection import SnowflakeConnection

import snowflake.connector


class CatalogArgs(BaseModel):
    database: str = Field(..., description="database to look in")
    schema_name: str = Field(..., description="schema whose tables to list")


class WarehouseCatalogTool(BaseTool):
    name: str = "Warehouse catalog"
    description: str = "Lists the tables of one schema in the warehouse."
    args_schema: type[BaseModel] = CatalogArgs

    def __init__(self, account: str, user: str, **kwargs: Any):
        super().__init__(**kwargs)
        self._account = account
        self._user = user
        self._pool = ThreadPoolExecutor(max_workers=2)

    def _connect(self) -> SnowflakeConnection:
        return snowflake.connector.connect(account=self._account, user=self._user)

    async def _connection(self) -> SnowflakeConnection:
        loop = asyncio.get_event_loop()
        return await loop.run_in_executor(self._pool, self._connect)

    async def _statement(self, text: str) -> list[tuple]:
        conn = await self._connection()
        cursor = conn.cursor()
        cursor.execute(text)
        return cursor.fetchall()

    async def _list(self, database: str, schema_name: str) -> str:
        await self._statement(f"USE DATABASE {database}")
        rows = await self._statement(f"SHOW TABLES IN SCHEMA {schema_name}")
        return "\n".join(str(r[1]) for r in rows)

    def _run(self, database: str, schema_name: str) -> str:
        return asyncio.run(self._list(database, schema_name))
