# case: AIR106 — safe: SHOW-style statements cannot bind a schema name, so the tool refuses any
# schema other than the one the operator configured before it interpolates the model's value.
import os

import psycopg
from mcp.server.fastmcp import FastMCP


class Settings:
    schema = os.environ.get("REPORT_SCHEMA", "reports")


settings = Settings()
conn = psycopg.connect(os.environ["REPORTS_DSN"])
mcp = FastMCP("tenant-reports")


@mcp.tool()
def list_report_tables(schema: str) -> list:
    """List the tables of the reporting schema."""
    if schema != settings.schema:
        raise ValueError(f"only the {settings.schema} schema is open")
    return conn.execute(f'SELECT tablename FROM pg_tables WHERE schemaname = \'{schema}\'').fetchall()
