# case: the same two tools and helper; the tag tool passes a literal query with the tag bound as a
# parameter, so both tools only read.
from langchain_core.tools import tool

from app.storage import run_sql


@tool
def count_open_tickets() -> int:
    """How many tickets are open."""
    return run_sql("SELECT count(*) FROM tickets WHERE status = 'open'")[0][0]


@tool
def tickets_by_tag(tag: str) -> list:
    """Tickets carrying a tag."""
    return run_sql("SELECT id, title FROM tickets WHERE tag = ?", (tag,))
