"""Git helpers the repository assistant exposes to the model."""
import subprocess


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], capture_output=True, text=True, cwd="/srv/repo")
    return done.stdout or done.stderr


def recent_commits(branch: str, limit: int = 20) -> str:
    """Show the latest commits on a branch."""
    if branch.startswith("-"):
        raise ValueError("a branch name cannot start with '-'")
    return _git("log", "--oneline", "-n", str(int(limit)), branch)
