# case: a FastMCP image tool that packs its arguments into a tuple and hands them on with
# `*args` to the method that does the work; the second element, the model's output name, goes
# into a shell command. Each element of the tuple is its own argument of the callee.
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
        cmd = f"cd {WORK} && magick originals/photo.png -quality {self.quality} {flag} out/{target}"
        return subprocess.run(cmd, shell=True).returncode  # expect: AIR106


@mcp.tool()
def export_image(source: str, target: str) -> int:  # expect: AIR306
    """Convert a stored image to another format."""
    return Converter().convert(source, target)
