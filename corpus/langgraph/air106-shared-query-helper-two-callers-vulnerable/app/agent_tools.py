# case: two LangChain tools share one query helper from another module. The module holding the
# tools sorts before the helper's, so the helper is first read from the tool that passes it a
# literal read-only query; the other tool passes an f-string holding the model's tag. What one
# caller passes must not settle the helper's query for the other caller.
from langchain_core.tools import tool

from app.storage import run_sql


@tool
def count_open_tickets() -> int:
    """How many tickets are open."""
    return run_sql("SELECT count(*) FROM tickets WHERE status = 'open'")[0][0]


@tool
def tickets_by_tag(tag: str) -> list:  # expect: AIR101
    """Tickets carrying a tag."""
    return run_sql(f"SELECT id, title FROM tickets WHERE tag = '{tag}'")  # expect: AIR106
