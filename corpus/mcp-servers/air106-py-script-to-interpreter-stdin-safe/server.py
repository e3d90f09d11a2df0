# case: the same interpreter driven through its standard input; the dataset name must be an
# identifier (`re.fullmatch`) before it goes into the script, and the clipboard tool is unchanged.
import os
import re
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("stats")
R_BIN = os.environ.get("R_BIN", "/usr/local/bin/R")


def _run_script(script: str) -> str:
    proc = subprocess.Popen([R_BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    out, _ = proc.communicate(input=script)
    return out


@mcp.tool()
def summarize(dataset: str) -> str:
    """Summary statistics of a bundled dataset."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_.]{0,40}", dataset):
        raise ValueError("dataset must be an R identifier")
    return _run_script(f'data("{dataset}")\nprint(summary({dataset}))\nq("no")\n')


@mcp.tool()
def copy_to_clipboard(text: str) -> str:
    """Put text on the clipboard."""
    subprocess.run(["pbcopy"], input=text, text=True, check=True)
    return "copied"
