import csv

from mcp.server.fastmcp import FastMCP

from .paths import export_target

mcp = FastMCP("report-exporter")


@mcp.tool()
def export_rows(file_name: str, rows: list[list[str]]) -> str:
    """Write rows to a CSV file in the export folder."""
    target = export_target(file_name)
    with open(target, "w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return f"wrote {len(rows)} rows"


if __name__ == "__main__":
    mcp.run()
