import io
import os
import sqlite3
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np
import pandas as pd

DATA_DIR = Path(os.environ.get("ANALYST_DATA_DIR", "./data")).resolve()
EXPORT_DIR = Path(os.environ.get("ANALYST_EXPORT_DIR", "./exports")).resolve()
WAREHOUSE = os.environ.get("ANALYST_WAREHOUSE", str(DATA_DIR / "warehouse.db"))

# friendly dataset names -> warehouse tables
DATASETS = {
    "sales": "fact_sales_2024",
    "customers": "dim_customer",
    "products": "dim_product",
    "returns": "fact_returns_2024",
}


class FrameRegistry:
    def __init__(self):
        self.frames: dict[str, pd.DataFrame] = {}
        self.conn = sqlite3.connect(WAREHOUSE, check_same_thread=False)
        EXPORT_DIR.mkdir(parents=True, exist_ok=True)

    def get(self, name: str) -> pd.DataFrame:
        if name not in self.frames:
            raise KeyError(f"no dataframe called {name!r}; loaded: {list(self.frames)}")
        return self.frames[name]

    def load_csv(self, filename: str, name: str) -> pd.DataFrame:
        path = (DATA_DIR / filename).resolve()
        if not path.is_relative_to(DATA_DIR):
            raise PermissionError("CSV files must live under the data directory")
        with open(path, newline="", encoding="utf-8") as fh:
            df = pd.read_csv(fh)
        self.frames[name] = df
        return df

    def load_dataset(self, dataset: str) -> pd.DataFrame:
        table = DATASETS[dataset]
        df = pd.read_sql(f"SELECT * FROM {table}", self.conn)
        self.frames[dataset] = df
        return df

    def load_table(self, table: str, where: str = "1=1") -> pd.DataFrame:
        df = pd.read_sql(f"SELECT * FROM {table} WHERE {where}", self.conn)
        self.frames[table] = df
        return df

    def add_column(self, name: str, column: str, expression: str) -> pd.DataFrame:
        df = self.get(name)
        scope = {"df": df, "np": np, "pd": pd}
        df[column] = eval(expression, {"__builtins__": {}}, scope)
        return df

    def run_python(self, code: str) -> str:
        env = {"pd": pd, "np": np, "frames": self.frames}
        buf = io.StringIO()
        with redirect_stdout(buf):
            exec(code, env)
        return buf.getvalue()

    def export(self, name: str, filename: str) -> Path:
        out = (EXPORT_DIR / filename).resolve()
        if not out.is_relative_to(EXPORT_DIR):
            raise PermissionError("exports must stay inside the export directory")
        with open(out, "w", newline="", encoding="utf-8") as fh:
            self.get(name).to_csv(fh, index=False)
        return out
