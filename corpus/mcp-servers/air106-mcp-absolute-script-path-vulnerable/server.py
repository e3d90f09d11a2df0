# case: a script runner that hands the model's script name to the interpreter as it came: a
# name like `-c` or `--help` is read by `python` as an option, not as a file (AIR106,
# argv_option).
import asyncio
import os
import sys
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("script-runner")
SCRIPT_HOME = os.environ.get("SCRIPT_HOME", "scripts")


async def _spawn(argv, cwd):
    proc = await asyncio.create_subprocess_exec(  # expect: AIR106
        *argv, cwd=cwd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await proc.communicate()
    return proc.returncode, out.decode(), err.decode()


@mcp.tool()
async def run_script(script: str) -> str:
    """Run one of the project's scripts and return what it printed."""
    candidate = Path(script)
    if not candidate.suffix == ".py":
        return "only .py files can be run"
    argv = [sys.executable, str(candidate)]
    code, out, err = await _spawn(argv, cwd=SCRIPT_HOME)
    return out if code == 0 else err
