# case: a command server whose policy object raises unless the program is on the operator's
# allow-list; the tool calls it as a statement (`policy.validate_command(cmd)`) and runs the
# command only if it returned. The policy is built elsewhere and reached through an attribute
# of unknown class, so only its method's name and body say what it does.
import shlex
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ops-shell")
ALLOWED_PROGRAMS = {"ls", "cat", "df", "uptime"}


class CommandPolicy:
    def __init__(self, allowed):
        self.allowed = set(allowed)

    def validate_command(self, command: str) -> None:
        argv = shlex.split(command)
        if not argv or argv[0] not in self.allowed:
            raise PermissionError(f"program not allowed: {command}")
        for arg in argv[1:]:
            if any(c in arg for c in ";|&`$<>"):
                raise PermissionError("shell syntax is not allowed")


class Server:
    def __init__(self, policy):
        self.policy = policy

    def run(self, command: str) -> str:
        self.policy.validate_command(command)
        return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


server = Server(CommandPolicy(ALLOWED_PROGRAMS))


@mcp.tool(annotations={"destructiveHint": True})
def run_command(command: str) -> str:
    """Run an allowed diagnostic command."""
    return server.run(command)
