# case: the repository helper with each argument checked before it reaches its sink: the
# revision range is quoted, the document path is resolved and kept under the docs folder, and
# the pattern is passed to grep as one argument of a list, after `--`.
import shlex
import subprocess
from pathlib import Path

from mcp.server.fastmcp import Context, FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("repo-helper")
REPO = "/srv/checkout"
DOCS = Path("/srv/checkout/docs").resolve()
READ_ONLY = ToolAnnotations(readOnlyHint=True, openWorldHint=False)
CHECKS = {"status": ["git", "-C", REPO, "status", "--short"], "branches": ["git", "-C", REPO, "branch"]}


@mcp.tool(annotations=READ_ONLY)
def git_log(revision_range: str, ctx: Context) -> str:
    """Show the commit log for a revision range such as `main..feature`."""
    out = subprocess.run(
        f"git -C {REPO} log --oneline {shlex.quote(revision_range)}",
        shell=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


@mcp.tool(annotations=READ_ONLY)
def read_doc(name: str) -> str:
    """Read one file of the project documentation."""
    path = (DOCS / name).resolve()
    if not path.is_relative_to(DOCS):
        raise ValueError("documents can only be read from the docs folder")
    return path.read_text()


@mcp.tool(annotations=READ_ONLY)
def repo_check(check: str) -> str:
    """Run one of the known repository checks: status or branches."""
    if check not in CHECKS:
        raise ValueError(f"unknown check: {check!r}")
    return subprocess.run(CHECKS[check], capture_output=True, text=True).stdout
