# case: the same code-index server with the checks that look alike but do not hold: the
# fallback branch only logs, `re.match` of a pattern with no end anchor lets `lint; rm -rf ~`
# through, a branch pattern whose first character class admits `-` lets `--output=...` become an
# option of `git log`, and the conditional expression keeps any non-empty revision.
import logging
import re
import sqlite3
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("code-index")
SORTS = {"size", "cohesion", "name"}
BRANCH = re.compile(r"^[A-Za-z0-9_./\-]+$")
log = logging.getLogger(__name__)


@mcp.tool()
def list_modules(sort_by: str = "size", min_size: int = 0) -> list:
    """List indexed modules, largest first."""
    if sort_by not in SORTS:
        log.warning("unusual sort column %s", sort_by)
    conn = sqlite3.connect("index.db")
    return conn.execute(  # expect: AIR106
        f"SELECT * FROM modules WHERE size >= ? ORDER BY {sort_by} DESC", (min_size,)
    ).fetchall()


@mcp.tool()
def run_lint(rule: str) -> str:  # expect: AIR306
    """Run one lint rule over the checkout."""
    if not re.match(r"[a-z][a-z0-9-]{1,40}", rule):
        raise ValueError("unknown rule")
    return subprocess.run(f"ruff check --select {rule} .", shell=True, capture_output=True, text=True).stdout  # expect: AIR106


@mcp.tool()
def branch_log(branch: str) -> str:
    """Show the last commits of a branch."""
    if not BRANCH.match(branch):
        raise ValueError("not a branch name")
    return subprocess.run(["git", "log", "-n", "20", branch], capture_output=True, text=True).stdout  # expect: AIR106


@mcp.tool()
def svn_changes(revision: str = "") -> str:
    """Files changed in a revision range."""
    rev = revision if revision else None
    cmd = ["svn", "diff", "--summarize"]
    if rev:
        cmd = ["svn", "diff", "--summarize", rev]
    return subprocess.run(cmd, capture_output=True, text=True).stdout  # expect: AIR106
