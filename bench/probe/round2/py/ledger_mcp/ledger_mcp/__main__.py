import asyncio
import logging
import os

from mcp.server.stdio import stdio_server

from .server import server


async def _serve() -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())


def main() -> None:
    logging.basicConfig(level=os.environ.get("LEDGER_LOG", "WARNING"))
    asyncio.run(_serve())


if __name__ == "__main__":
    main()
