import os
import shlex
import subprocess

from fastmcp import FastMCP
from fastmcp.exceptions import ToolError

from . import runner
from .policy import LOG_PATH, PolicyError, ensure_preset

DESTRUCTIVE = {"readOnlyHint": False, "destructiveHint": True, "openWorldHint": True}
DIAGNOSTIC = {"readOnlyHint": False, "openWorldHint": False}


def create_app() -> FastMCP:
    app = FastMCP(name="shell-runner")

    @app.tool(annotations=DESTRUCTIVE, tags={"exec"})
    def run_command(command: str, workdir: str | None = None) -> str:
        """Run a shell command on the host and return its output."""
        return runner.run_shell(command, cwd=workdir).render()

    @app.tool(annotations=DESTRUCTIVE, tags={"exec"})
    async def run_in_background(command: str) -> str:
        """Start a long-running command detached from the server."""
        pid = await runner.start_background(command)
        return f"started pid {pid}"

    @app.tool(annotations=DIAGNOSTIC)
    def run_preset(command: str) -> str:
        """Run one of the preset diagnostic commands (uptime, df -h, free -m, ...)."""
        try:
            cmd = ensure_preset(command)
        except PolicyError as exc:
            raise ToolError(str(exc)) from exc
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30)
        return proc.stdout

    @app.tool(annotations=DIAGNOSTIC)
    def search_logs(pattern: str, max_lines: int = 200) -> str:
        """Grep the system log for a pattern."""
        cmd = "grep -n -e {} {} | tail -n {}".format(shlex.quote(pattern), shlex.quote(LOG_PATH), int(max_lines))
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)
        return proc.stdout or "no matches"

    @app.tool(annotations=DIAGNOSTIC)
    def find_process(name: str) -> str:
        """List running processes whose command line matches `name`."""
        with os.popen("ps aux | grep -i " + name + " | grep -v grep") as pipe:
            return pipe.read()

    @app.tool(annotations={"readOnlyHint": False, "idempotentHint": True})
    def renice_process(pid: str, niceness: str = "10") -> str:
        """Lower the scheduling priority of a process."""
        status = os.system("renice -n %d -p %d" % (int(niceness), int(pid)))
        return "ok" if status == 0 else f"renice failed with status {status}"

    @app.tool(annotations=DIAGNOSTIC)
    def system_load() -> str:
        """Current load averages."""
        return subprocess.check_output("uptime", shell=True, text=True)

    return app


if __name__ == "__main__":
    create_app().run()
