# case: a record store's base class builds a filter expression from the caller's field and value
# and hands it to `self._apply_filter`, which the base class only declares. The in-memory store
# the server holds implements it with `eval`, so the model's value becomes Python code (a quote
# ends the string literal). The base method is read once for every store; which `_apply_filter`
# runs depends on the object the tool calls it on.
from abc import ABC, abstractmethod

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("records")


class RecordStore(ABC):
    def __init__(self) -> None:
        self.rows: list[dict] = []

    def find(self, field: str, value: str) -> list[dict]:
        expression = f"lambda row: row.get('{field}') == '{value}'"
        return self._apply_filter(expression)

    @abstractmethod
    def _apply_filter(self, expression: str) -> list[dict]:
        """Return the rows the filter expression keeps."""
        raise NotImplementedError


class InMemoryStore(RecordStore):
    def _apply_filter(self, expression: str) -> list[dict]:
        keep = eval(expression)  # expect: AIR106
        return [row for row in self.rows if keep(row)]


class KeyValueStore(RecordStore):
    def _apply_filter(self, expression: str) -> list[dict]:
        return list(self.rows)


STORE = InMemoryStore()


@mcp.tool()
def find_records(field: str, value: str) -> list[dict]:
    """Find the stored records whose field has the given value."""
    return STORE.find(field, value)
