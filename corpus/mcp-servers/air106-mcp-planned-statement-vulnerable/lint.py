# case: AIR106 — vulnerable: the prefix is `PROFILE`, which runs the statement to measure it, so
# the model's Cypher (a `DETACH DELETE` as well as a read) is executed.
import os

from mcp.server.fastmcp import FastMCP
from neo4j import AsyncGraphDatabase

driver = AsyncGraphDatabase.driver(os.environ["NEO4J_URI"], auth=("neo4j", os.environ["NEO4J_PASSWORD"]))
mcp = FastMCP("cypher-lint")


async def statement_kind(cypher: str) -> str:
    planned = "PROFILE " + cypher
    _, summary, _ = await driver.execute_query(query_=planned, database_="neo4j")  # expect: AIR106
    return summary.query_type or "unknown"


@mcp.tool()
async def classify_cypher(cypher: str) -> str:
    """Say whether a Cypher statement reads, writes or changes the schema, from its profile."""
    kind = await statement_kind(cypher)
    return f"statement kind: {kind}"
