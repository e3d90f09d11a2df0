# case: a repository-notes server whose git helper takes its arguments as `*args` and puts them
# after the program; `show_note` passes the model's note reference as one of them, so a reference
# like `--output=/home/me/.bashrc` is read by git as an option (AIR106, option injection).
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("notes")


class Repo:
    def __init__(self, root: str) -> None:
        self.root = root

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", self.root, *args], capture_output=True, text=True)  # expect: AIR106
        return done.stdout


REPO = Repo("/srv/notes")


@mcp.tool()
def show_note(ref: str) -> str:
    """Show the note attached to a commit."""
    return REPO.git("notes", "show", ref)


@mcp.tool()
def list_notes() -> str:
    """List every note."""
    return REPO.git("notes", "list")
