from fastmcp import FastMCP

from .frames import DATASETS, FrameRegistry

mcp = FastMCP("pandas-analyst")
registry = FrameRegistry()

READS = {"readOnlyHint": True, "openWorldHint": False}
CHANGES_STATE = {"readOnlyHint": False, "openWorldHint": False}


def _preview(df, rows: int = 10) -> str:
    return f"{df.shape[0]} rows x {df.shape[1]} columns\n\n{df.head(rows).to_markdown()}"


@mcp.tool(annotations=CHANGES_STATE)
def load_csv(filename: str, name: str) -> str:
    """Load a CSV file from the data directory as a named dataframe."""
    return _preview(registry.load_csv(filename, name))


@mcp.tool(annotations=CHANGES_STATE)
def load_dataset(dataset: str) -> str:
    """Load a curated warehouse dataset by name (sales, customers, products, returns)."""
    if dataset not in DATASETS:
        return f"unknown dataset; choose from {sorted(DATASETS)}"
    return _preview(registry.load_dataset(dataset))


@mcp.tool(annotations=CHANGES_STATE)
def load_table(table: str, where: str = "1=1") -> str:
    """Load any warehouse table, optionally filtered with a SQL WHERE clause."""
    return _preview(registry.load_table(table, where))


@mcp.tool(annotations=READS)
def describe(name: str) -> str:
    """Summary statistics for a loaded dataframe."""
    return registry.get(name).describe(include="all").to_markdown()


@mcp.tool(annotations=CHANGES_STATE)
def add_column(name: str, column: str, expression: str) -> str:
    """Add a derived column, e.g. expression="df['price'] * df['qty']"."""
    return _preview(registry.add_column(name, column, expression))


@mcp.tool(annotations={"readOnlyHint": False, "destructiveHint": True, "openWorldHint": True})
def run_python(code: str) -> str:
    """Run a pandas snippet with `pd`, `np` and `frames` in scope; returns stdout."""
    return registry.run_python(code)


@mcp.tool(annotations={"readOnlyHint": False, "destructiveHint": True})
def export_csv(name: str, filename: str) -> str:
    """Write a dataframe to a CSV file in the export directory."""
    return f"written to {registry.export(name, filename)}"


if __name__ == "__main__":
    mcp.run(transport="stdio")
