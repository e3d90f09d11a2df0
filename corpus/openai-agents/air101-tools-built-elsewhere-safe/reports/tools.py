# Tools of the report writer, built the ways real code builds them: a decorator alias, the
# SDK's `tool` alias, a `function_tool(...)` call, and lists added together.
from pathlib import Path

from agents import FileSearchTool
from agents import function_tool as ft
from agents.decorators import tool

REPORTS = Path("/srv/reports")


@tool
def list_reports() -> list[str]:
    """List the published reports."""
    return sorted(p.name for p in REPORTS.glob("*.md"))


def publish_report(name: str, markdown: str) -> str:
    """Publish a report to the shared reports folder."""
    target = REPORTS / f"{name}.md"
    target.write_text(markdown)  # expect: AIR106
    return str(target)


@ft(name_override="archive", needs_approval=True)
def archive_report(name: str) -> str:
    """Move a report to the archive."""
    (REPORTS / f"{name}.md").unlink()  # expect: AIR106
    return "archived"


SEARCH = [FileSearchTool(vector_store_ids=["vs_customer_uploads"])]
WRITE = [ft(publish_report, needs_approval=True), archive_report]
ALL_TOOLS = SEARCH + [list_reports, *WRITE]
