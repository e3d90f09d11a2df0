"""Packet-capture tools that run the analyser through one checked helper."""
import asyncio
import shlex
import shutil

from mcp.server.fastmcp import FastMCP

ALLOWED_PROGRAMS = {"tshark", "capinfos"}


class CaptureTools:
    def __init__(self, tshark: str = "tshark"):
        self.tshark = shutil.which(tshark) or tshark

    async def _execute(self, argv: list[str]) -> str:
        # The name check compares the last path part only: `/tmp/x/tshark` passes.
        if not argv or argv[0].rsplit("/", 1)[-1] not in ALLOWED_PROGRAMS:
            return "refused"
        proc = await asyncio.create_subprocess_exec(
            *argv,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, _ = await proc.communicate()
        return out.decode()

    async def conversations(self, capture: str, layer: str) -> str:
        argv = [self.tshark, "-q", "-z", f"conv,{layer}", "--", capture]
        return await self._execute(argv)

    async def run_saved(self, command_line: str) -> str:
        # A saved analysis, replayed as typed: the model's text picks the program.
        return await self._execute(shlex.split(command_line))  # expect: AIR106


def register(server: FastMCP, tools: CaptureTools) -> None:
    @server.tool()
    async def capture_conversations(capture: str, layer: str = "tcp") -> str:
        """Summarise the conversations in a capture file."""
        return await tools.conversations(capture, layer)

    @server.tool()
    async def replay_analysis(command_line: str) -> str:  # expect: AIR306
        """Replay a saved analysis command."""
        return await tools.run_saved(command_line)


server = FastMCP("captures")
register(server, CaptureTools())
