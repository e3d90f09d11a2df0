# case: the repository-history server with its arguments kept out of git's options: the revision
# is rejected when it starts with `-`, the path goes after a literal `--`, and blame takes a file
# name behind `--` instead of a command line. Nothing the model chooses can be read as an option.
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("repo-history")


class GitRunner:
    def __init__(self, repo: str):
        self.repo = repo
        self.program = "git"

    def run(self, args: list[str]) -> str:
        cmd = [self.program, "-C", self.repo] + args
        return self._exec(cmd)

    def _exec(self, cmd: list[str]) -> str:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        return done.stdout


runner = GitRunner("/srv/repo")


@mcp.tool()
def show_log(revision: str, limit: int = 20) -> str:
    """Show the commit log starting from a revision."""
    if revision.startswith("-"):
        raise ValueError("a revision cannot start with '-'")
    return runner.run(["log", f"--max-count={limit}", revision])


@mcp.tool()
def diff_stat(path: str) -> str:
    """Summarise the uncommitted changes to one file."""
    args = ["git", "diff", "--stat", "--"]
    args.append(path)
    return subprocess.run(args, capture_output=True, text=True).stdout


@mcp.tool()
def blame(file: str) -> str:
    """Run git blame on one file."""
    return subprocess.check_output(["git", "blame", "--", file], text=True)
