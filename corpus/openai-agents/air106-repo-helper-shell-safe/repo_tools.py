# case: the same helper, with the branch quoted for the shell (`shlex.quote`) after a fixed
# `refs/heads/` prefix (so it cannot become an option either) and the count forced to a number.
import shlex
import subprocess

from agents import Agent, RunContextWrapper, function_tool


@function_tool
def branch_log(ctx: RunContextWrapper, branch: str, limit: int = 20) -> str:
    """Show the latest commits of a branch."""
    ref = shlex.quote(f"refs/heads/{branch}")
    out = subprocess.run(
        f"git log --oneline -n {int(limit)} {ref}", shell=True, capture_output=True, text=True
    )
    return out.stdout


repo_helper = Agent(
    name="Repo helper",
    instructions="Answer questions about the repository's history.",
    tools=[branch_log],
)
