# case: the same helper; the tool passes the model's channel name as the value of `--channel`
# and a fixed notes file as the operand. The returned list's program is the helper's literal, so
# the model's text is only ever an option's value, never the program or an option.
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
        "--channel",
        channel,
        notes_file,
    ]


@mcp.tool()
async def publish_release(channel: str) -> str:
    """Publish the current build to a release channel."""
    argv = release_argv(channel=channel, notes_file="/srv/release/NOTES.md")
    proc = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return out.decode()
