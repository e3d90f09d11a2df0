# case: a repository-history MCP server runs git with argument lists and no shell, so the model
# cannot start another command; but its `revision` and `path` land after the program where git
# reads a value starting with `-` as an option (`--output=/home/dev/.bashrc`): option injection
# (CWE-88), reported at lower severity than shell injection. The list is built in one method and
# run by another; a second tool grows its list with `append`; a third splits a command line whose
# first word is fixed.
import shlex
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
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)  # expect: AIR106
        return done.stdout


runner = GitRunner("/srv/repo")


@mcp.tool()
def show_log(revision: str, limit: int = 20) -> str:
    """Show the commit log starting from a revision."""
    return runner.run(["log", f"--max-count={limit}", revision])


@mcp.tool()
def diff_stat(path: str) -> str:
    """Summarise the uncommitted changes to one file."""
    args = ["git", "diff", "--stat"]
    args.append(path)
    return subprocess.run(args, capture_output=True, text=True).stdout  # expect: AIR106


@mcp.tool()
def blame(spec: str) -> str:
    """Run git blame with the given file and options."""
    argv = shlex.split(f"git blame {spec}")
    return subprocess.check_output(argv, text=True)  # expect: AIR106
