# case: AIR106 — safe: node labels and edge kinds come from pydantic models whose fields carry an
# anchored `pattern` (or a `Literal`), which FastMCP checks while it builds the models from the
# model's arguments; only names and texts that go in as query parameters are free.
from typing import List, Literal

from mcp.server.fastmcp import FastMCP
from neo4j import AsyncGraphDatabase
from pydantic import BaseModel, Field

LABEL = r"^[A-Za-z][A-Za-z0-9_]*$"


class Note(BaseModel):
    title: str = Field(description="what the note is about", min_length=1)
    category: str = Field(description="a node label such as Idea or Task", pattern=LABEL)
    body: str = ""


class Link(BaseModel):
    source: str
    target: str
    kind: Literal["REFERS_TO", "BLOCKS", "DUPLICATES"] = "REFERS_TO"


class NoteStore:
    def __init__(self, uri: str):
        self.driver = AsyncGraphDatabase.driver(uri)

    async def save_notes(self, notes: List[Note]) -> int:
        for note in notes:
            query = f"MERGE (n:Note {{title: $title}}) SET n.body = $body SET n:`{note.category}`"
            await self.driver.execute_query(query, {"title": note.title, "body": note.body})
        return len(notes)

    async def link(self, links: list[Link]) -> int:
        for link in links:
            query = (
                "MATCH (a:Note {title: $source}), (b:Note {title: $target}) "
                f"MERGE (a)-[:`{link.kind}`]->(b)"
            )
            await self.driver.execute_query(query, {"source": link.source, "target": link.target})
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
