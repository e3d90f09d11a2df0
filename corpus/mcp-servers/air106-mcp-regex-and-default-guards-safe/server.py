# case: a code-index server checks the model's values inline, three ways that real servers use:
# a whole-value regular expression that raises (`re.fullmatch` with a literal, and `match` of a
# compiled pattern anchored at both ends whose first character cannot be `-`), an allow-list
# whose failing branch falls back to a default column (`if sort_by not in SORTS: sort_by =
# "size"`), and a conditional expression that keeps a revision only when it matches
# (`rev if REV.match(rev) else None`). Nothing unchecked reaches the SQL or the argv.
import re
import sqlite3
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("code-index")
SORTS = {"size", "cohesion", "name"}
BRANCH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./]*$")
REVISION = re.compile(r"^r?\d+(:r?\d+)?$")


@mcp.tool()
def list_modules(sort_by: str = "size", min_size: int = 0) -> list:
    """List indexed modules, largest first."""
    if sort_by not in SORTS:
        sort_by = "size"
    conn = sqlite3.connect("index.db")
    return conn.execute(
        f"SELECT * FROM modules WHERE size >= ? ORDER BY {sort_by} DESC", (min_size,)
    ).fetchall()


@mcp.tool()
def run_lint(rule: str) -> str:
    """Run one lint rule over the checkout."""
    if not re.fullmatch(r"[a-z][a-z0-9-]{1,40}", rule):
        raise ValueError("unknown rule")
    return subprocess.run(f"ruff check --select {rule} .", shell=True, capture_output=True, text=True).stdout


@mcp.tool()
def branch_log(branch: str) -> str:
    """Show the last commits of a branch."""
    if not BRANCH.match(branch):
        raise ValueError("not a branch name")
    return subprocess.run(["git", "log", "-n", "20", branch], capture_output=True, text=True).stdout


@mcp.tool()
def svn_changes(revision: str = "") -> str:
    """Files changed in a revision range."""
    rev = revision if REVISION.match(revision) else None
    cmd = ["svn", "diff", "--summarize"]
    if rev:
        cmd = ["svn", "diff", "--summarize", rev]
    return subprocess.run(cmd, capture_output=True, text=True).stdout
