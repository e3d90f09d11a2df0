# case: the same report server, but the helper only logs when the path leaves the reports
# folder; `report_path` never refuses, so `../../etc/cron.d/job` is written.
import logging
import os

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("report-store")
log = logging.getLogger(__name__)
REPORTS_DIR = os.environ.get("REPORTS_DIR", "/var/lib/reports")


def _note_escape(base: str, candidate: str) -> None:
    if os.path.commonpath([base, candidate]) != base:
        log.warning("report outside %s: %s", base, candidate)


def report_path(name: str) -> str:
    base = os.path.realpath(REPORTS_DIR)
    candidate = os.path.realpath(os.path.join(base, name))
    _note_escape(base, candidate)
    return candidate


@mcp.tool()
def save_report(name: str, body: str) -> str:
    """Save a report under the reports folder."""
    with open(report_path(name), "w", encoding="utf-8") as fh:  # expect: AIR106
        fh.write(body)
    return "saved"
