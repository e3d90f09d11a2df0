# case: a data-build MCP server hands each tool's argument list to one runner, which copies it,
# puts `--quiet` after its first element (the subcommand) and runs the build tool with the list
# behind a fixed program. `compile_model` passes the model's model name as a bare operand right
# after the subcommand, where the tool reads `--profiles-dir=/tmp/evil` as an option.
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
    done = subprocess.run(argv, capture_output=True, text=True)  # expect: AIR106
    return done.stdout


@mcp.tool()
def compile_model(model: str) -> str:
    """Compile one model of the warehouse project."""
    return run_build(["compile", model])
