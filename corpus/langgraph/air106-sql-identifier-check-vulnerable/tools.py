# case: a vector-search tool (the shape of crewai-tools' DB2VectorSearchTool, found by the
# ecosystem check) that puts the model's column name into its SQL. Its `_clean_identifier`
# only strips spaces and quotes: no check, so the model can inject SQL through `filter_by`.
from typing import Any

from langchain_core.tools import BaseTool


class VectorSearchTool(BaseTool):
    name: str = "vector_search"
    description: str = "Search the documents table, optionally filtered on one column."
    cursor: Any = None

    def _clean_identifier(self, name: str) -> str:
        return name.strip().strip('"')

    def _run(self, query: str, filter_by: str = "", filter_value: str = "") -> str:
        sql = "SELECT id, text FROM documents"
        params = [query]
        if filter_by:
            sql += f" WHERE {self._clean_identifier(filter_by)} = ?"
            params.append(filter_value)
        self.cursor.execute(sql + " ORDER BY score LIMIT 5", params)  # expect: AIR106
        return str(self.cursor.fetchall())
