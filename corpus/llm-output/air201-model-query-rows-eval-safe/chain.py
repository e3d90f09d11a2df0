# case: the same text-to-SQL chain turns each value back into a Python object with
# `ast.literal_eval`, which reads literals only (numbers, strings, lists, dicts) and runs nothing,
# so a value the model's query selects stays data.
import ast
from typing import Any

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def _as_python(value: Any) -> Any:
    try:
        return ast.literal_eval(value)
    except Exception:
        return value


def rows_from(db, sql: str) -> list[dict[str, Any]]:
    rows = db.fetch_rows(sql)
    return [{k: _as_python(v) for k, v in dict(r).items()} for r in rows]


class WarehouseQA:
    def __init__(self, db):
        self.db = db

    def ask(self, question: str) -> list[dict[str, Any]]:
        sql = llm.invoke(f"Write one SQL query answering: {question}").content
        return rows_from(self.db, sql)
