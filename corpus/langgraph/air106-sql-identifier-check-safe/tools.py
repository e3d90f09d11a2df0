# case: the vector-search tool whose `_validate_identifier` method raises unless the name is a
# plain identifier (`if not re.match(PATTERN, name): raise`) and returns it: a validator, so the
# column name that reaches the SQL is clean (the value is a bound parameter).
import re
from typing import Any

from langchain_core.tools import BaseTool

IDENTIFIER = r"^[A-Za-z][A-Za-z0-9_]*$"


class VectorSearchTool(BaseTool):
    name: str = "vector_search"
    description: str = "Search the documents table, optionally filtered on one column."
    cursor: Any = None

    def _validate_identifier(self, name: str) -> str:
        if not re.match(IDENTIFIER, name):
            raise ValueError(f"invalid column name: {name!r}")
        return name

    def _run(self, query: str, filter_by: str = "", filter_value: str = "") -> str:
        sql = "SELECT id, text FROM documents"
        params = [query]
        if filter_by:
            sql += f" WHERE {self._validate_identifier(filter_by)} = ?"
            params.append(filter_value)
        self.cursor.execute(sql + " ORDER BY score LIMIT 5", params)
        return str(self.cursor.fetchall())
