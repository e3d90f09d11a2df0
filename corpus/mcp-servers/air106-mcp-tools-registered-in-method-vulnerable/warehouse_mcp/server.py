"""Entry point: `python -m warehouse_mcp.server`."""
import asyncio
import os
import subprocess

from mcp.server.fastmcp import FastMCP

from warehouse_mcp.tools import WarehouseTools


class WarehouseServer:
    def __init__(self) -> None:
        self.mcp = FastMCP("warehouse")
        self.tools = WarehouseTools({"path": os.environ.get("WAREHOUSE_DB", "warehouse.db")})

    async def serve(self) -> None:
        self.tools.register(self.mcp)
        self.add_maintenance(self.mcp, os.environ.get("WAREHOUSE_DIR", "/srv/warehouse"))
        await self.mcp.run_stdio_async()

    @staticmethod
    def add_maintenance(mcp: FastMCP, data_dir: str) -> None:
        archive = os.path.join(data_dir, "archive")

        @mcp.tool(description="Compress an export into the archive folder")
        def archive_export(name: str) -> str:  # expect: AIR306
            cmd = f"tar czf {archive}/{name}.tgz {data_dir}/exports/{name}"
            done = subprocess.run(cmd, shell=True)  # expect: AIR106
            return "archived" if done.returncode == 0 else "failed"


def main() -> None:
    asyncio.run(WarehouseServer().serve())
