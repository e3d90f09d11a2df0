# case: the same cluster server with the fix applied: the runner quotes every argument before it
# builds the command line, so the model's text reaches the shell as single words.
import shlex
import subprocess
from typing import List, Union

from fastmcp import FastMCP

mcp = FastMCP("cluster-ops")


class CliRunner:
    def __init__(self, program: str):
        self.program = program

    def run(self, args: str) -> str:
        return self._exec(f"{self.program} {shlex.quote(args)}")

    def _exec(self, commands: Union[str, List[str]]) -> str:
        if isinstance(commands, str):
            commands = [commands]
        joined = ";".join(commands)
        done = subprocess.run(joined, shell=True, capture_output=True, text=True)
        return done.stdout


def register_cli_tools(read_only: bool) -> None:
    """Register the tools that drive the cluster CLIs."""

    async def cluster_cli(command: str) -> str:
        """Run a cluster CLI command (for example `get pods -n default`) and return its output."""
        if read_only and command.split()[0] in ("delete", "apply"):
            return "write commands are disabled"
        return CliRunner("kubectl").run(command)

    mcp.tool()(cluster_cli)


def main() -> None:
    register_cli_tools(read_only=False)
    mcp.run()
