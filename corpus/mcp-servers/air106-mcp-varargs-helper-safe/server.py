# case: the same notes server; `show_note` refuses a reference that starts with `-` before it
# reaches the `*args` helper, so git never reads the model's text as an option.
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("notes")


class Repo:
    def __init__(self, root: str) -> None:
        self.root = root

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", self.root, *args], capture_output=True, text=True)
        return done.stdout


REPO = Repo("/srv/notes")


@mcp.tool()
def show_note(ref: str) -> str:
    """Show the note attached to a commit."""
    if ref.startswith("-"):
        raise ValueError("a reference cannot start with '-'")
    return REPO.git("notes", "show", ref)


@mcp.tool()
def list_notes() -> str:
    """List every note."""
    return REPO.git("notes", "list")
