# case: a spreadsheet summary server that takes the workbook as text from the model and, when it
# does not decode, treats it as a file name: `load_workbook(source)` then opens any file the
# server can read (AIR106).
import base64
import binascii
from io import BytesIO

from mcp.server.fastmcp import FastMCP
from openpyxl import load_workbook

mcp = FastMCP("sheets")


@mcp.tool()
def sheet_names(source: str) -> list[str]:
    """The sheet names of a workbook given as base64 text."""
    try:
        data = base64.b64decode(source, validate=True)
    except binascii.Error:
        book = load_workbook(source, read_only=True)  # expect: AIR106
        return book.sheetnames
    book = load_workbook(BytesIO(data), read_only=True)
    return book.sheetnames
