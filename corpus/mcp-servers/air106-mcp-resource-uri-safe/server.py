# case: the reporting server checks the table named by the URI against the tables the database
# has before it builds the query.
import sqlite3

import mcp.types as types
from mcp.server import Server
from pydantic import AnyUrl

DB = "/var/lib/reports/reports.db"
app = Server("reports")


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


@app.list_resources()
async def list_resources() -> list[types.Resource]:
    conn = sqlite3.connect(DB)
    return [types.Resource(uri=f"reports://{n}/rows", name=n) for n in sorted(table_names(conn))]


@app.read_resource()
async def read_resource(uri: AnyUrl) -> str:
    text = str(uri)
    if not text.startswith("reports://"):
        raise ValueError(f"unknown resource {text}")
    table = text.removeprefix("reports://").split("/")[0]
    conn = sqlite3.connect(DB)
    if table not in table_names(conn):
        raise ValueError(f"unknown table {table}")
    rows = conn.execute(f"SELECT * FROM {table} LIMIT 50").fetchall()
    return "\n".join(",".join(map(str, r)) for r in rows)
