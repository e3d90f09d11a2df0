# case: the same spreadsheet server with the fix applied: the helper resolves the path and
# refuses anything outside the workbook folder before openpyxl touches it.
import os

from mcp.server.fastmcp import FastMCP
from openpyxl import load_workbook

SHEETS_DIR = os.path.realpath(os.environ.get("SHEETS_DIR", "./sheets"))
mcp = FastMCP("sheets")


def sheet_path(name: str) -> str:
    path = os.path.realpath(os.path.join(SHEETS_DIR, name))
    if not path.startswith(SHEETS_DIR + os.sep):
        raise ValueError("workbooks must stay inside the sheets folder")
    return path


@mcp.tool()
def write_cell(filepath: str, cell: str, value: str) -> str:
    """Write a value into one cell of a workbook."""
    path = sheet_path(filepath)
    wb = load_workbook(path)
    wb.active[cell] = value
    wb.save(path)
    return f"wrote {cell}"
