# case: a report server resolves the file name the model gives under its reports folder; the
# containment check sits in a small helper that compares `os.path.commonpath` with the base,
# and the path function raises when the helper says no.
import os

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("report-store")
REPORTS_DIR = os.environ.get("REPORTS_DIR", "/var/lib/reports")


def _stays_under(base: str, candidate: str) -> bool:
    base = os.path.realpath(base)
    candidate = os.path.realpath(candidate)
    try:
        return os.path.commonpath([base, candidate]) == base
    except ValueError:
        return False


def report_path(name: str) -> str:
    base = os.path.realpath(REPORTS_DIR)
    candidate = os.path.realpath(os.path.join(base, name))
    if not _stays_under(base, candidate):
        raise ValueError(f"{name} is outside the reports folder")
    return candidate


@mcp.tool()
def save_report(name: str, body: str) -> str:
    """Save a report under the reports folder."""
    with open(report_path(name), "w", encoding="utf-8") as fh:
        fh.write(body)
    return "saved"
