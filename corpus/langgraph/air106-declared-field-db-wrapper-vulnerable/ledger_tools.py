# case: A LangChain tool class declares its database as a pydantic field typed with the project's wrapper class (`db: LedgerDatabase = Field(exclude=True)`); nothing in the project builds the tool, so only the annotation says what `self.db` is. The model's CQL goes through `self.db.run(...)` to the session unchecked.
from typing import Type

from langchain_core.tools import BaseTool
from pydantic import BaseModel, ConfigDict, Field

from ledger_db import LedgerDatabase


class _LedgerQueryInput(BaseModel):
    cql: str = Field(..., description="A CQL statement over the ledger keyspace.")


class LedgerQueryTool(BaseTool):
    name: str = "ledger_query"
    description: str = "Run a CQL statement against the ledger and return the rows."
    args_schema: Type[BaseModel] = _LedgerQueryInput
    db: LedgerDatabase = Field(exclude=True)

    model_config = ConfigDict(arbitrary_types_allowed=True)

    def _run(self, cql: str) -> str:
        return str(self.db.run(cql))  # expect: AIR106
