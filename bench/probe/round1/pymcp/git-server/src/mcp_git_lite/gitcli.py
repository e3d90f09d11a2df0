"""Thin wrappers around the git command line and GitPython."""
from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import git

log = logging.getLogger(__name__)


def git_version() -> str:
    out = subprocess.check_output("git --version", shell=True, text=True)
    return out.strip()


def search_log(repo_path: str, pattern: str, max_count: int = 20) -> str:
    # --grep is much faster than walking commits through GitPython on big repos
    cmd = f"git log --oneline -n {max_count} --grep='{pattern}'"
    log.debug("running %s in %s", cmd, repo_path)
    proc = subprocess.run(cmd, shell=True, cwd=repo_path, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip())
    return proc.stdout or "No matching commits"


def diff_path(repo_path: str, file_path: str, context_lines: int = 3) -> str:
    argv = ["git", "diff", f"--unified={int(context_lines)}", "HEAD", "--", file_path]
    proc = subprocess.run(argv, cwd=repo_path, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip())
    return proc.stdout


class RepoInspector:
    def __init__(self, repo_path: str | Path):
        self.repo = git.Repo(repo_path)

    def status(self) -> str:
        return self.repo.git.status()

    def show(self, revision: str) -> str:
        commit = self.repo.commit(revision)
        lines = [
            f"Commit: {commit.hexsha}",
            f"Author: {commit.author}",
            f"Date: {commit.authored_datetime}",
            "",
            commit.message,
        ]
        return "\n".join(lines)

    def export_patch(self, revision: str, output_file: str) -> str:
        commit = self.repo.commit(revision)
        patch = self.repo.git.show(commit.hexsha, format="email")
        with open(output_file, "w", encoding="utf-8") as fh:
            fh.write(patch)
        return f"Wrote patch for {commit.hexsha[:10]} to {output_file}"
