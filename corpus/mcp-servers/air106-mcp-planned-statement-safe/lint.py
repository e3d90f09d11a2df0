# case: AIR106 — safe: the model's Cypher only goes to the server behind a fixed `EXPLAIN`, which
# plans the statement and reports its kind without running it; a Cypher run takes one statement,
# so the text after the prefix cannot start another.
import os

from mcp.server.fastmcp import FastMCP
from neo4j import AsyncGraphDatabase

driver = AsyncGraphDatabase.driver(os.environ["NEO4J_URI"], auth=("neo4j", os.environ["NEO4J_PASSWORD"]))
mcp = FastMCP("cypher-lint")


async def statement_kind(cypher: str) -> str:
    planned = "EXPLAIN " + cypher
    _, summary, _ = await driver.execute_query(query_=planned, database_="neo4j")
    return summary.query_type or "unknown"


@mcp.tool()
async def classify_cypher(cypher: str) -> str:
    """Say whether a Cypher statement reads, writes or changes the schema, without running it."""
    kind = await statement_kind(cypher)
    return f"statement kind: {kind}"
