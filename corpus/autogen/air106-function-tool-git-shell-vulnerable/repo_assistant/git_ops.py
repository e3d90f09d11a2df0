"""Git helpers the repository assistant exposes to the model."""
import subprocess


def _git(command: str) -> str:
    done = subprocess.run(command, shell=True, capture_output=True, text=True, cwd="/srv/repo")
    return done.stdout or done.stderr


def recent_commits(branch: str, limit: int = 20) -> str:
    """Show the latest commits on a branch."""
    return _git(f"git log --oneline -n {int(limit)} {branch}")  # expect: AIR106
