# case: the same script runner, but the script's path is made absolute before the interpreter
# sees it: an absolute name the model gave is kept (after a containment check), a relative one
# is joined under a folder the server resolved at start-up. A path starting with `/` is never
# read as an option, whatever follows it (absolute paths: `is_absolute()` in the true branch,
# `ROOT / name` with `ROOT` from `Path(...).resolve()`, `os.path.abspath`, `str(path)`).
import asyncio
import os
import subprocess
import sys
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("script-runner")
SCRIPT_HOME = Path(os.environ.get("SCRIPT_HOME", "scripts")).resolve()


async def _spawn(argv, cwd):
    proc = await asyncio.create_subprocess_exec(
        *argv, cwd=cwd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await proc.communicate()
    return proc.returncode, out.decode(), err.decode()


def _inside_home(path: Path) -> bool:
    return path.resolve().is_relative_to(SCRIPT_HOME)


@mcp.tool()
async def run_script(script: str) -> str:
    """Run one of the project's scripts and return what it printed."""
    candidate = Path(script)
    if candidate.is_absolute():
        if not _inside_home(candidate):
            return f"only scripts under {SCRIPT_HOME} can be run"
    else:
        candidate = SCRIPT_HOME / candidate
    if not candidate.exists():
        return f"no script at {candidate}"
    argv = [sys.executable, str(candidate)]
    code, out, err = await _spawn(argv, cwd=str(SCRIPT_HOME))
    return out if code == 0 else err


@mcp.tool()
def lint_script(script: str) -> str:
    """Check one script with the interpreter's compiler."""
    full = os.path.abspath(os.path.join(str(SCRIPT_HOME), script))
    if not full.startswith(str(SCRIPT_HOME) + os.sep):
        return "outside the script folder"
    done = subprocess.run([sys.executable, "-m", "py_compile", full], capture_output=True, text=True)
    return done.stderr or "ok"
