# case: the same workspace server, but its "dry run" keeps the compiled code object and runs
# it to report what the script prints, so any code the model writes runs on the host.
import contextlib
import io
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("scratch-workspace")
WORKSPACE = Path("/srv/scratch").resolve()


def _inside(name: str) -> Path:
    target = (WORKSPACE / name).resolve()
    if not target.is_relative_to(WORKSPACE):
        raise ValueError("outside the workspace")
    return target


def _dry_run(source: str, label: str) -> str:
    code = compile(source, label, "exec")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})  # expect: AIR106
    return out.getvalue()


@mcp.tool()
# expect: AIR306
def save_script(name: str, source: str) -> str:
    """Save a Python script in the scratch workspace and show what it prints."""
    printed = _dry_run(source, name)  # expect: AIR106
    _inside(name).write_text(source)
    return printed
