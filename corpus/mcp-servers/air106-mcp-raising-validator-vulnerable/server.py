# case: the same command server, but the policy method called before the command only records
# it (it never raises), so nothing stops any command the model writes.
import logging
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ops-shell")
log = logging.getLogger(__name__)


class CommandAudit:
    def validate_command(self, command: str) -> None:
        log.info("command requested: %s", command)


class Server:
    def __init__(self, audit):
        self.audit = audit

    def run(self, command: str) -> str:
        self.audit.validate_command(command)
        return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


server = Server(CommandAudit())


@mcp.tool(annotations={"destructiveHint": True})
def run_command(command: str) -> str:
    """Run a diagnostic command."""
    return server.run(command)  # expect: AIR106
