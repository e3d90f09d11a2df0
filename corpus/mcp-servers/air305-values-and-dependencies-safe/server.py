# case: the same statistics server with ordinary documentation: "when using the "set_seed" action"
# names a value of the tool's own `action` parameter (an action, not a tool), and "before calling
# any tool that requires a dataset name" says which tools need this one's answer (the mcp-stata
# and docling-mcp wordings of the ecosystem check).
from typing import Literal

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("stats")


@mcp.tool()
def run_model(action: Literal["fit", "predict", "set_seed"], code: str = "") -> str:
    """Fit or apply a model.

    code: model code to run, or the seed when using the "set_seed" action.
    """
    return f"{action} done"


@mcp.tool()
def list_datasets() -> list[str]:
    """Use this tool to see which datasets exist before calling any tool that requires a dataset name."""
    return ["sales", "visits"]
