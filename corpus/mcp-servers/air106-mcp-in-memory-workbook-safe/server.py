# case: the same server that only reads workbooks from the bytes it was given: `BytesIO(...)` is an
# in-memory file whose content is the model's data, not a name, so `load_workbook` opens no path
# (the shape of crewai-tools' URL reader parsing a downloaded body).
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
        return ["not a base64 workbook"]
    book = load_workbook(BytesIO(data), read_only=True)
    return book.sheetnames
