# case: a cluster MCP server whose tools are registered with the call form `mcp.tool()(fn)`
# inside a registration function, with the tool functions defined there as closures. The tools
# run the CLI through a small runner class: `run` builds the command line and hands it to its
# own `_exec` method, which is where the shell is started.
import subprocess
from typing import List, Union

from fastmcp import FastMCP

mcp = FastMCP("cluster-ops")


class CliRunner:
    def __init__(self, program: str):
        self.program = program

    def run(self, args: str) -> str:
        return self._exec(f"{self.program} {args}")  # path: AIR106

    def _exec(self, commands: Union[str, List[str]]) -> str:
        if isinstance(commands, str):
            commands = [commands]
        joined = ";".join(commands)
        done = subprocess.run(joined, shell=True, capture_output=True, text=True)  # expect: AIR106
        return done.stdout


def register_cli_tools(read_only: bool) -> None:
    """Register the tools that drive the cluster CLIs."""

    async def cluster_cli(command: str) -> str:  # expect: AIR306
        """Run a cluster CLI command (for example `get pods -n default`) and return its output."""
        if read_only and command.split()[0] in ("delete", "apply"):
            return "write commands are disabled"
        return CliRunner("kubectl").run(command)

    mcp.tool()(cluster_cli)


def main() -> None:
    register_cli_tools(read_only=False)
    mcp.run()
