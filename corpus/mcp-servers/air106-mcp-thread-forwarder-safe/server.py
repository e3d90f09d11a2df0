# case: the same archive server, where the functions the worker threads run keep the model's
# values out of the path and the shell: the folder is the server's own, the file name is cut to
# its last part, the entry goes to `tar` as one list element behind `--`, and the background
# removal only empties the server's own scratch folder.
import asyncio
import os
import shutil
import subprocess
import threading

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("archive")
BUNDLES = "/srv/bundles"


class Archive:
    def __init__(self, root: str):
        self.root = root

    def fetch_to(self, ref: str, name: str) -> str:
        target = os.path.join(BUNDLES, os.path.basename(name))
        with open(target, "wb") as out:
            out.write(ref.encode())
        return target


archive = Archive("/srv/archive")


def pack(name: str) -> str:
    done = subprocess.run(["tar", "czf", "/srv/out.tgz", "--", name], capture_output=True)
    return done.stdout.decode()


@mcp.tool()
async def fetch_bundle(ref: str, name: str = "bundle.tar") -> str:
    """Fetch a bundle into the server's bundle folder."""
    return await asyncio.to_thread(archive.fetch_to, ref, name)


@mcp.tool()
async def pack_entry(name: str) -> str:
    """Pack one archive entry."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, pack, name)


def clear_scratch(tag: str) -> None:
    shutil.rmtree("/srv/archive/scratch", ignore_errors=True)
    os.makedirs("/srv/archive/scratch", exist_ok=True)


@mcp.tool()
def reset_scratch(tag: str) -> str:  # expect: AIR306
    """Empty the scratch folder in the background."""
    threading.Thread(target=clear_scratch, args=(tag,), daemon=True).start()
    return "scheduled"
