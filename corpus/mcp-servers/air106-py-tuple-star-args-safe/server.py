# case: the same tuple handed on with `*args`; the output name is quoted for the shell with
# `shlex.quote` before it goes into the command.
import shlex
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("images")
WORK = "/srv/images"


class Converter:
    def __init__(self, quality: int = 85):
        self.quality = quality

    def convert(self, source: str, target: str, overwrite: bool = False) -> int:
        args = source, target, overwrite
        return self._run(*args)

    def _run(self, source: str, target: str, overwrite: bool) -> int:
        flag = "-overwrite" if overwrite else ""
        cmd = f"cd {WORK} && magick originals/photo.png -quality {self.quality} {flag} out/{shlex.quote(target)}"
        return subprocess.run(cmd, shell=True).returncode


@mcp.tool()
def export_image(source: str, target: str) -> int:
    """Convert a stored image to another format."""
    return Converter().convert(source, target)
