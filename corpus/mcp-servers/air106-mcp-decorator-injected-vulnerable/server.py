# case: the same build server with a logging decorator that forwards every argument as given
# (`func(*args, **kwargs)`): the model fills `folder` and `status_url` itself, so it picks the
# shell text of `make -C {folder}` and the server the status request goes to.
import functools
import logging
import shlex
import subprocess

import requests
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("builds")
log = logging.getLogger("builds")


def logged(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        log.info("tool %s called", func.__name__)
        return await func(*args, **kwargs)

    return wrapper


def timed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        log.info("tool %s started", func.__name__)
        return func(*args, **kwargs)

    return wrapper


@mcp.tool()
@logged
async def build(folder: str, target: str) -> str:  # expect: AIR306
    """Build one make target of the project in the given folder."""
    command = f"make -C {folder} {shlex.quote(target)}"
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout  # expect: AIR106


@mcp.tool()
@timed
def job_status(job: int, status_url: str = "") -> str:
    """Read the state of a build job from a status service."""
    return requests.get(status_url, params={"job": job}, timeout=10).text  # expect: AIR106
