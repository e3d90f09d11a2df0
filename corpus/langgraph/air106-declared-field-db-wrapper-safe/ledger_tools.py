# case: Safe twin: the same tool class and declared field; the model only names an account, and the wrapper runs a fixed statement with the name bound as a parameter.
from typing import Type

from langchain_core.tools import BaseTool
from pydantic import BaseModel, ConfigDict, Field

from ledger_db import LedgerDatabase


class _LedgerQueryInput(BaseModel):
    account: str = Field(..., description="The account whose entries to list.")


class LedgerQueryTool(BaseTool):
    name: str = "ledger_query"
    description: str = "List the ledger entries of one account."
    args_schema: Type[BaseModel] = _LedgerQueryInput
    db: LedgerDatabase = Field(exclude=True)

    model_config = ConfigDict(arbitrary_types_allowed=True)

    def _run(self, account: str) -> str:
        return str(self.db.entries_of(account))
