"""Registers definitions on a server, skipping the ones the operator disabled."""
from collections.abc import Sequence

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

from .definitions import Definition


def register_definitions[NameT](
    server: FastMCP, definitions: Sequence[Definition[NameT]], *, disabled: set[str]
) -> None:
    for definition in definitions:
        name = definition.tool_name()
        if name.value in disabled:
            continue
        server.add_tool(
            fn=definition.fn,
            name=name.value,
            description=definition.description,
            annotations=ToolAnnotations(readOnlyHint=definition.read_only),
        )
