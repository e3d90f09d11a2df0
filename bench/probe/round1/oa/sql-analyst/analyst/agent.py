from datetime import date

from psycopg.rows import dict_row
from pydantic_ai import Agent, ModelRetry, RunContext

from .deps import Deps

ALLOWED_TABLES = frozenset({"orders", "order_items", "customers", "products", "refunds"})

analyst = Agent(
    "openai:gpt-4.1",
    deps_type=Deps,
    instructions=(
        "You are a data analyst for an e-commerce company. Answer questions using the warehouse. "
        "Prefer the specific tools; fall back to run_sql for anything else. Always show the numbers."
    ),
    retries=2,
)


@analyst.tool_plain
def today() -> str:
    """Today's date in ISO format."""
    return date.today().isoformat()


@analyst.tool
def table_columns(ctx: RunContext[Deps], table: str) -> list[str]:
    """List the columns of one of the warehouse tables."""
    if table not in ALLOWED_TABLES:
        raise ModelRetry(f"unknown table {table!r}; choose one of {sorted(ALLOWED_TABLES)}")
    with ctx.deps.conn.cursor() as cur:
        cur.execute(f"SELECT * FROM {table} LIMIT 0")
        return [col.name for col in cur.description]


@analyst.tool
def revenue_by_region(ctx: RunContext[Deps], region: str, start: date, end: date) -> list[dict]:
    """Total revenue per month for a sales region between two dates."""
    sql = """
        SELECT date_trunc('month', o.created_at) AS month, sum(o.total_cents) / 100.0 AS revenue
        FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.tenant_id = %s AND c.region = %s AND o.created_at BETWEEN %s AND %s
        GROUP BY 1 ORDER BY 1
    """
    with ctx.deps.conn.cursor(row_factory=dict_row) as cur:
        cur.execute(sql, (ctx.deps.tenant_id, region, start, end))
        return cur.fetchall()


@analyst.tool
def run_sql(ctx: RunContext[Deps], query: str) -> list[dict] | str:
    """Run a SQL statement against the warehouse and return up to row_limit rows."""
    with ctx.deps.conn.cursor(row_factory=dict_row) as cur:
        cur.execute(query)
        if cur.description is None:
            return f"{cur.rowcount} rows affected"
        return cur.fetchmany(ctx.deps.row_limit)
