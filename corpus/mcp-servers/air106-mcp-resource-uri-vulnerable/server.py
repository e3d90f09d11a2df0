# case: a reporting database exposed over the low-level MCP `Server` (v1 decorators). The client
# chooses the URI of `read_resource`, as it chooses a tool's arguments; the handler checks only
# the scheme and puts the table name from the URI into the query text: SQL injection.
import sqlite3

import mcp.types as types
from mcp.server import Server
from pydantic import AnyUrl

DB = "/var/lib/reports/reports.db"
app = Server("reports")


@app.list_resources()
async def list_resources() -> list[types.Resource]:
    conn = sqlite3.connect(DB)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [types.Resource(uri=f"reports://{n}/rows", name=n) for n in names]


@app.read_resource()
async def read_resource(uri: AnyUrl) -> str:
    text = str(uri)
    if not text.startswith("reports://"):
        raise ValueError(f"unknown resource {text}")
    table = text.removeprefix("reports://").split("/")[0]
    conn = sqlite3.connect(DB)
    rows = conn.execute(f"SELECT * FROM {table} LIMIT 50").fetchall()  # expect: AIR106
    return "\n".join(",".join(map(str, r)) for r in rows)
