# case: a spreadsheet MCP server whose tools take a workbook path from the model; the helper
# joins it under the workbook folder but returns absolute paths unchanged, and openpyxl opens
# and saves the file there.
import os

from mcp.server.fastmcp import FastMCP
from openpyxl import load_workbook

SHEETS_DIR = os.environ.get("SHEETS_DIR", "./sheets")
mcp = FastMCP("sheets")


def sheet_path(name: str) -> str:
    if os.path.isabs(name):
        return name
    return os.path.join(SHEETS_DIR, name)


@mcp.tool()
def write_cell(filepath: str, cell: str, value: str) -> str:
    """Write a value into one cell of a workbook."""
    path = sheet_path(filepath)
    wb = load_workbook(path)  # expect: AIR106
    wb.active[cell] = value
    wb.save(path)  # expect: AIR106
    return f"wrote {cell}"
