# case: the same notes index, whose read-only tool hands a closure to the thread helper that
# only fills and empties a temporary table of its own connection (scratch space, gone when the
# connection closes) and reads: nothing stored changes, so `readOnlyHint` is true.
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

    def related(self, words: list[str]) -> list[str]:
        for table in ("_seed", "_hits"):
            self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (word TEXT PRIMARY KEY)")
        self.conn.execute("DELETE FROM _seed")
        self.conn.executemany("INSERT INTO _seed VALUES (?)", [(w,) for w in words])
        rows = self.conn.execute(
            "SELECT note_id FROM terms JOIN _seed ON terms.word = _seed.word"
        ).fetchall()
        return [r[0] for r in rows]


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
async def related_notes(words: list[str]) -> list[str]:
    """Notes that share words with the given ones."""
    index = Index(DB)
    return await _offload(lambda: index.related(words))
