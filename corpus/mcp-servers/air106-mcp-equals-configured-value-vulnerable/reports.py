# case: AIR106 — vulnerable: the schema is compared with a second value the model also sends, so
# the check holds for any text the model repeats, and the value is interpolated.
import os

import psycopg
from mcp.server.fastmcp import FastMCP


class Settings:
    schema = os.environ.get("REPORT_SCHEMA", "reports")


settings = Settings()
conn = psycopg.connect(os.environ["REPORTS_DSN"])
mcp = FastMCP("tenant-reports")


@mcp.tool()
def list_report_tables(schema: str, confirm_schema: str) -> list:
    """List the tables of the reporting schema."""
    if schema != confirm_schema:
        raise ValueError(f"only the {settings.schema} schema is open")
    return conn.execute(f'SELECT tablename FROM pg_tables WHERE schemaname = \'{schema}\'').fetchall()  # expect: AIR106
