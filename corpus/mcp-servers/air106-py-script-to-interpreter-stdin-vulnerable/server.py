# case: a FastMCP server that drives a statistics interpreter through its standard input. The
# interpreter's path comes from the environment and is started with no arguments; each tool
# writes a small script to it with `communicate(input=...)`. The summary tool splices the model's
# dataset name into that script, so a quote and a newline in it add statements of the model's
# choosing (the language can run shell commands). The clipboard tool feeds text to `pbcopy`,
# which only stores it.
import os
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("stats")
R_BIN = os.environ.get("R_BIN", "/usr/local/bin/R")


def _run_script(script: str) -> str:
    proc = subprocess.Popen([R_BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    out, _ = proc.communicate(input=script)
    return out


@mcp.tool()
def summarize(dataset: str) -> str:  # expect: AIR306
    """Summary statistics of a bundled dataset."""
    return _run_script(f'data("{dataset}")\nprint(summary({dataset}))\nq("no")\n')  # expect: AIR106


@mcp.tool()
def copy_to_clipboard(text: str) -> str:
    """Put text on the clipboard."""
    subprocess.run(["pbcopy"], input=text, text=True, check=True)
    return "copied"
