# case: a repository helper MCP server (FastMCP) whose tools put the model's arguments into a
# shell command line and into a file path: `git_log` interpolates the revision range into a
# `shell=True` command, `read_doc` joins the file name under the docs folder without checking it
# stays there, and `grep_docs` builds the command in a helper in another module. A tool that
# runs a command the model writes is not read-only, whatever its annotations say (AIR306).
import os
import subprocess

from mcp.server.fastmcp import Context, FastMCP
from mcp.types import ToolAnnotations

from shell import run_command

mcp = FastMCP("repo-helper")
REPO = "/srv/checkout"
DOCS = "/srv/checkout/docs"
READ_ONLY = ToolAnnotations(readOnlyHint=True, openWorldHint=False)


@mcp.tool(annotations=READ_ONLY)  # expect: AIR306
def git_log(revision_range: str, ctx: Context) -> str:
    """Show the commit log for a revision range such as `main..feature`."""
    out = subprocess.run(  # expect: AIR106
        f"git -C {REPO} log --oneline {revision_range}",
        shell=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


@mcp.tool(annotations=READ_ONLY)
def read_doc(name: str) -> str:
    """Read one file of the project documentation."""
    with open(os.path.join(DOCS, name)) as f:  # expect: AIR106
        return f.read()


@mcp.tool(annotations=READ_ONLY)  # expect: AIR306
def grep_docs(pattern: str) -> str:
    """Search the documentation for a pattern."""
    return run_command(f"grep -rn '{pattern}' {DOCS}")  # expect: AIR106
