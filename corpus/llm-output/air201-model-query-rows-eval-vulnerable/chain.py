# case: a text-to-SQL chain has the model write a query, runs it through a helper that takes the
# database handle and the text, and turns every column value of every row back into a Python
# object with `eval`. The model chooses what the query returns (`SELECT '__import__("os")...'`),
# so each value it selects is the model's text, run as code. The rows come from a method on a
# handle the helper was given (`db.fetch_rows(sql)`), not a known driver call.
from typing import Any

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def _as_python(value: Any) -> Any:
    try:
        return eval(value)  # expect: AIR201
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
