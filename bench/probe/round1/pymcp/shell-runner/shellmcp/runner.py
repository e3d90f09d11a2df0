import asyncio
import subprocess
from dataclasses import dataclass

from .policy import DEFAULT_TIMEOUT


@dataclass
class CommandResult:
    exit_code: int
    stdout: str
    stderr: str

    def render(self) -> str:
        parts = [f"exit code: {self.exit_code}"]
        if self.stdout:
            parts.append("stdout:\n" + self.stdout)
        if self.stderr:
            parts.append("stderr:\n" + self.stderr)
        return "\n".join(parts)


def run_shell(command: str, cwd: str | None = None, timeout: int = DEFAULT_TIMEOUT) -> CommandResult:
    proc = subprocess.run(
        command,
        shell=True,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return CommandResult(proc.returncode, proc.stdout, proc.stderr)


async def start_background(command: str) -> int:
    proc = await asyncio.create_subprocess_shell(
        command,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
        start_new_session=True,
    )
    return proc.pid
