# case: the same runner rebuilds each tool's list as `[head, "--quiet", *rest]`; the element it
# takes from the caller's list stands for the caller's subcommand, not for the model's text. The
# tool passes the model's SQL as the value of `--inline` and its row count as the value of
# `--limit`, so nothing the model chooses stands where the build tool reads an option.
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("warehouse-build")

BUILD_TOOL = "/opt/warehouse/bin/wbuild"
NOISY = {"compile", "run", "show"}


def run_build(command: list[str]) -> str:
    parts = command.copy()
    if parts and parts[0] in NOISY:
        head = parts[0]
        rest = parts[1:] if len(parts) > 1 else []
        parts = [head, "--quiet", *rest]
    argv = [BUILD_TOOL, "--no-color", *parts]
    done = subprocess.run(argv, capture_output=True, text=True)
    return done.stdout


@mcp.tool()
def preview_query(sql: str, rows: int = 5) -> str:
    """Preview the rows a SQL query returns against the warehouse."""
    args = ["show", "--inline", sql]
    args.extend(["--limit", str(rows)])
    return run_build(args)
