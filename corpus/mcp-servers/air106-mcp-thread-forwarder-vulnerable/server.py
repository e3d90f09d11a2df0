# case: an archive server whose tools hand their blocking work to a worker thread:
# `await asyncio.to_thread(archive.fetch_to, ref, folder)` calls `archive.fetch_to(ref, folder)`,
# `loop.run_in_executor(None, pack, name)` calls `pack(name)`, and
# `threading.Thread(target=purge, args=(name,))` calls `purge(name)` once started. The model's
# folder and names reach a file write, a shell and a folder removal inside those functions.
import asyncio
import os
import shutil
import subprocess
import threading

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("archive")


class Archive:
    def __init__(self, root: str):
        self.root = root

    def fetch_to(self, ref: str, folder: str) -> str:
        os.makedirs(folder, exist_ok=True)  # expect: AIR106
        target = os.path.join(folder, "bundle.tar")
        with open(target, "wb") as out:  # expect: AIR106
            out.write(ref.encode())
        return target


archive = Archive("/srv/archive")
ROOT = "/srv/archive"


def pack(name: str) -> str:
    done = subprocess.run(f"tar czf /srv/out.tgz {name}", shell=True, capture_output=True)  # expect: AIR106
    return done.stdout.decode()


@mcp.tool()
async def fetch_bundle(ref: str, folder: str = "./bundles") -> str:
    """Fetch a bundle into a folder."""
    return await asyncio.to_thread(archive.fetch_to, ref, folder)


@mcp.tool()
async def pack_entry(name: str) -> str:  # expect: AIR306
    """Pack one archive entry."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, pack, name)


def purge(name: str) -> None:
    shutil.rmtree(os.path.join(ROOT, name))  # expect: AIR106


@mcp.tool()
def purge_entry(name: str) -> str:  # expect: AIR306
    """Remove one archive entry in the background."""
    threading.Thread(target=purge, args=(name,), daemon=True).start()
    return "scheduled"
