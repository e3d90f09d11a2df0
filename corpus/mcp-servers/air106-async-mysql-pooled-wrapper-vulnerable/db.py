# A wrapper around a pooled asyncio MySQL connection. The raw connection comes back from
# `asyncio.wait_for(pool.acquire(), ...)`, and `Session.run` sends its text to the driver.
import asyncio

import aiomysql


class Session:
    def __init__(self, raw, label: str):
        self.raw = raw
        self.label = label

    async def run(self, statement: str, args: tuple | None = None):
        async with self.raw.cursor(aiomysql.DictCursor) as cur:
            await cur.execute(statement, args)
            return await cur.fetchall()


class Sessions:
    def __init__(self):
        self.pool = None

    async def open(self, label: str) -> Session:
        if self.pool is None:
            self.pool = await aiomysql.create_pool(host="127.0.0.1", user="reader", db="shop")
        raw = await asyncio.wait_for(self.pool.acquire(), timeout=5.0)
        return Session(raw, label)
