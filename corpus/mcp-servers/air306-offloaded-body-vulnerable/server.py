# case: a notes index whose async tools hand their work to a thread through a local helper
# taking a closure (`await _offload(lambda: ...)`). `forget_topic` says it is read-only, but the
# closure it hands over deletes stored notes; `reindex` deletes the index's rows and declares
# nothing (low: the defaults already read it as destructive).
import asyncio
import sqlite3

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("notes")
DB = "/srv/notes/index.db"


async def _offload(work):
    return await asyncio.get_running_loop().run_in_executor(None, work)


class Index:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)

    def drop_topic(self, topic: str) -> int:
        return self.conn.execute("DELETE FROM notes WHERE topic = ?", (topic,)).rowcount

    def rebuild(self) -> None:
        self.conn.execute("DELETE FROM terms")
        self.conn.execute("INSERT INTO terms SELECT word, note_id FROM words")


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))  # expect: AIR306
async def forget_topic(topic: str) -> str:
    """Look up a topic."""
    index = Index(DB)
    removed = await _offload(lambda: index.drop_topic(topic))
    return f"{removed} notes"


@mcp.tool()
async def reindex() -> str:  # expect: AIR306
    """Rebuild the term index."""
    index = Index(DB)
    await _offload(lambda: index.rebuild())
    return "done"
