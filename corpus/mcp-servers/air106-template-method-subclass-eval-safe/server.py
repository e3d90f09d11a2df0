# case: the same record stores; the server holds the key-value store, whose `_apply_filter`
# ignores the expression's text. The in-memory store that `eval`s it is in the project but the
# tool never calls a method on one, so the base method's call on `self` reaches only the
# key-value store's version here.
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
        keep = eval(expression)
        return [row for row in self.rows if keep(row)]


class KeyValueStore(RecordStore):
    def _apply_filter(self, expression: str) -> list[dict]:
        return list(self.rows)


STORE = KeyValueStore()


@mcp.tool()
def find_records(field: str, value: str) -> list[dict]:
    """Find the stored records whose field has the given value."""
    return STORE.find(field, value)
