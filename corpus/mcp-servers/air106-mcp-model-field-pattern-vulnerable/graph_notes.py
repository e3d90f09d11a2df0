# case: AIR106 — vulnerable: the note's category carries no pattern and the edge kind is any
# string, so a label such as "Idea` WITH n MATCH (m) DETACH DELETE m //" is spliced into the
# Cypher text of both statements.
from typing import List

from mcp.server.fastmcp import FastMCP
from neo4j import AsyncGraphDatabase
from pydantic import BaseModel, Field

LABEL = r"^[A-Za-z][A-Za-z0-9_]*$"


class Note(BaseModel):
    title: str = Field(description="what the note is about", min_length=1)
    category: str = Field(description="a node label such as Idea or Task")
    body: str = ""


class Link(BaseModel):
    source: str
    target: str
    kind: str = "REFERS_TO"


class NoteStore:
    def __init__(self, uri: str):
        self.driver = AsyncGraphDatabase.driver(uri)

    async def save_notes(self, notes: List[Note]) -> int:
        for note in notes:
            query = f"MERGE (n:Note {{title: $title}}) SET n.body = $body SET n:`{note.category}`"
            await self.driver.execute_query(query, {"title": note.title, "body": note.body})  # expect: AIR106
        return len(notes)

    async def link(self, links: list[Link]) -> int:
        for link in links:
            query = (
                "MATCH (a:Note {title: $source}), (b:Note {title: $target}) "
                f"MERGE (a)-[:`{link.kind}`]->(b)"
            )
            await self.driver.execute_query(query, {"source": link.source, "target": link.target})  # expect: AIR106
        return len(links)


store = NoteStore("bolt://localhost:7687")
mcp = FastMCP("graph-notes")


@mcp.tool()
async def save_notes(notes: list[Note]) -> str:
    """Store notes, each under its category label."""
    return f"saved {await store.save_notes(notes)}"


@mcp.tool()
async def link_notes(links: list[Link]) -> str:
    """Connect notes with typed edges."""
    return f"linked {await store.link(links)}"
