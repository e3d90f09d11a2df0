# case: a helper builds the release tool's argument list and returns it; the tool spreads the
# returned list into `create_subprocess_exec`. The program is the helper's own (the running
# interpreter with `-m`), but the model's channel name is a bare element after the subcommand,
# where the release tool still reads options (`--config=/tmp/evil.toml`).
import asyncio
import sys

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("release")


def release_argv(*, channel: str, notes_file: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "release_tool",
        "publish",
        "--notes",
        notes_file,
        channel,
    ]


@mcp.tool()
async def publish_release(channel: str) -> str:
    """Publish the current build to a release channel."""
    argv = release_argv(channel=channel, notes_file="/srv/release/NOTES.md")
    proc = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE)  # expect: AIR106
    out, _ = await proc.communicate()
    return out.decode()
