"""Structured helpers that never run model-written code."""
import ast
import subprocess
from pathlib import Path

import pandas as pd
from langchain_core.tools import tool

DATA_DIR = Path("./data").resolve()


def duckdb_version() -> str:
    out = subprocess.run(["duckdb", "--version"], capture_output=True, text=True, check=False)
    return out.stdout.strip() or "duckdb not installed"


@tool
def list_datasets() -> list[str]:
    """List the CSV files available for analysis."""
    return sorted(p.name for p in DATA_DIR.glob("*.csv"))


@tool
def summarize_csv(filename: str, filters: str = "{}") -> str:
    """Describe a dataset. `filters` is a Python dict literal of column -> value equality filters,
    e.g. "{'region': 'EMEA'}"."""
    if filename not in {p.name for p in DATA_DIR.glob("*.csv")}:
        return f"no dataset named {filename!r}"
    criteria = ast.literal_eval(filters)
    df = pd.read_csv(DATA_DIR / filename)
    for col, value in dict(criteria).items():
        df = df[df[col] == value]
    return df.describe(include="all").to_string()[:6000]
