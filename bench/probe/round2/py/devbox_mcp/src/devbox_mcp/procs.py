"""Async subprocess helpers.

Tool handlers should never talk to asyncio.subprocess directly; go through
``run_argv`` (preferred) or ``run_line`` when you really need a shell.
"""
from __future__ import annotations

import asyncio
import logging
from asyncio.subprocess import PIPE
from dataclasses import dataclass
from typing import Sequence

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 120.0


@dataclass(slots=True)
class ProcResult:
    code: int
    stdout: str
    stderr: str

    def render(self, limit: int = 8000) -> str:
        text = self.stdout[-limit:]
        if self.code != 0:
            text += f"\n[exit {self.code}]\n{self.stderr[-2000:]}"
        return text or "(no output)"


async def _collect(proc: asyncio.subprocess.Process, timeout: float) -> ProcResult:
    try:
        out, err = await asyncio.wait_for(proc.communicate(), timeout)
    except asyncio.TimeoutError:
        proc.kill()
        await proc.wait()
        return ProcResult(124, "", f"timed out after {timeout:.0f}s")
    return ProcResult(
        proc.returncode or 0,
        out.decode(errors="replace"),
        err.decode(errors="replace"),
    )


async def run_argv(argv: Sequence[str], *, cwd: str | None = None,
                   timeout: float = DEFAULT_TIMEOUT) -> ProcResult:
    log.debug("exec %r (cwd=%s)", argv, cwd)
    proc = await asyncio.create_subprocess_exec(*argv, cwd=cwd, stdout=PIPE, stderr=PIPE)
    return await _collect(proc, timeout)


async def run_line(cmdline: str, **opts) -> ProcResult:
    timeout = opts.pop("timeout", DEFAULT_TIMEOUT)
    log.debug("sh -c %r", cmdline)
    proc = await asyncio.create_subprocess_shell(cmdline, stdout=PIPE, stderr=PIPE, **opts)
    return await _collect(proc, timeout)
