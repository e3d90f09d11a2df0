# case: a notebook-style workspace server saves scripts the model writes. Before saving a `.py`
# file it compiles the text only to reject broken syntax; the code object is dropped and nothing
# runs. The file name is confined to the workspace folder.
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("scratch-workspace")
WORKSPACE = Path("/srv/scratch").resolve()


def _inside(name: str) -> Path:
    target = (WORKSPACE / name).resolve()
    if not target.is_relative_to(WORKSPACE):
        raise ValueError("outside the workspace")
    return target


def _check_syntax(source: str, label: str) -> str | None:
    try:
        compile(source, label, "exec")
    except SyntaxError as err:
        return f"line {err.lineno}: {err.msg}"
    return None


@mcp.tool()
def save_script(name: str, source: str) -> str:
    """Save a Python script in the scratch workspace after checking that it parses."""
    problem = _check_syntax(source, name)
    if problem:
        return f"not saved: {problem}"
    _inside(name).write_text(source)
    return "saved"
