# case: AIR106 (vulnerable) — the same catalog tool, but its statement helper runs the text
# with the connector's `execute_string`, which runs every statement in it:
# `analytics; DROP TABLE orders` switches database and then drops a table.
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
        cursors = conn.execute_string(text)
        return cursors[-1].fetchall()

    async def _list(self, database: str, schema_name: str) -> str:
        await self._statement(f"USE DATABASE {database}")  # expect: AIR106
        rows = await self._statement(f"SHOW TABLES IN SCHEMA {schema_name}")  # expect: AIR106
        return "\n".join(str(r[1]) for r in rows)

    def _run(self, database: str, schema_name: str) -> str:
        return asyncio.run(self._list(database, schema_name))
