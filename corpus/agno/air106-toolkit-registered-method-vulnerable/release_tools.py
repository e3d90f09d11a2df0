# case: AIR106 — an Agno toolkit: the constructor collects some of its methods in a local list,
# one of them only when a flag is set, and hands the list to the base class. The registered
# method builds a shell command from the model's arguments.
import subprocess

from agno.tools import Toolkit


class ReleaseTools(Toolkit):
    def __init__(self, repo_dir: str, enable_tagging: bool = True, **kwargs):
        self.repo_dir = repo_dir
        tools = [self.list_tags]
        if enable_tagging:
            tools.append(self.tag_release)
        super().__init__(name="release_tools", tools=tools, **kwargs)

    def list_tags(self) -> str:
        """Lists the release tags of the repository."""
        done = subprocess.run(["git", "tag", "--list"], cwd=self.repo_dir, capture_output=True, text=True)
        return done.stdout

    def tag_release(self, version: str, notes: str) -> str:
        """Tags the current commit as a release.

        Args:
            version: the version number, such as 1.4.2
            notes: one line describing the release
        """
        command = f"git tag -a v{version} -m '{notes}'"
        done = subprocess.run(command, shell=True, cwd=self.repo_dir, capture_output=True, text=True)  # expect: AIR106
        return done.stdout or done.stderr

    def _changelog(self) -> str:
        # Not registered: the model cannot call it.
        return open(f"{self.repo_dir}/CHANGELOG.md").read()
