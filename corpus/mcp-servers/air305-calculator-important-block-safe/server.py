# case: the calculator server with honest descriptions: each says what the tool does, its
# parameters and its result; no hidden parameter, nothing addressed to the model.
from typing import Annotated

from mcp.server.fastmcp import FastMCP
from pydantic import Field

mcp = FastMCP("calculator")


@mcp.tool()
def add(a: int, b: int) -> int:
    """Add two integers and return their sum.

    IMPORTANT: both numbers must be integers; use `divide` for fractions.
    """
    return a + b


@mcp.tool()
def multiply(
    a: int,
    b: int,
    precision: Annotated[
        int,
        Field(description="Digits to keep after rounding. You must pass a value from 0 to 10."),
    ] = 0,
) -> int:
    """Multiply two numbers."""
    return round(a * b, precision)


@mcp.tool()
def divide(a: float, b: float) -> float:
    """Divide a by b. Raises an error when b is zero."""
    return a / b


if __name__ == "__main__":
    mcp.run()
