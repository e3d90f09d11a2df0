# case: AIR106 — a scope helper answers with a record (`{"ok": ..., "schema": ...}`); the tool
# reads the record's `schema` field into the statement. Here the helper hands back the schema the
# model asked for whenever one is given, so the field carries the model's text.
import os

import psycopg
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("warehouse-stats")
DEFAULT_SCHEMA = os.environ.get("WAREHOUSE_SCHEMA", "analytics")


def resolve_schema(requested: str | None) -> dict:
    if requested is not None and not requested.strip():
        return {"ok": False, "schema": "", "error": f"empty schema name {requested!r}"}
    return {"ok": True, "schema": requested or DEFAULT_SCHEMA}


@mcp.tool()
def table_sizes(schema: str | None = None) -> list:
    """Lists the tables of a schema with their size on disk."""
    scope = resolve_schema(schema)
    if not scope["ok"]:
        return [scope["error"]]
    with psycopg.connect(os.environ["WAREHOUSE_DSN"]) as conn:
        rows = conn.execute(  # expect: AIR106
            "SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c "
            f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{scope['schema']}'"
        ).fetchall()
    return [f"{name}: {size}" for name, size in rows]


if __name__ == "__main__":
    mcp.run()
