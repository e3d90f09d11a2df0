# case: a build server whose tools take the project folder and the status service's address from
# a decorator: the wrapper fills the first parameter itself (`func(folder, *args, **kwargs)`) and
# the `status_url` keyword (`func(*args, status_url=..., **kwargs)`), so the model chooses only
# the target and the job number.
import functools
import os
import shlex
import subprocess

import requests
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("builds")
STATUS = os.environ.get("BUILD_STATUS_URL", "https://ci.example.test")


def in_project(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        folder = os.path.realpath(os.environ.get("PROJECT_DIR", "."))
        return await func(folder, *args, **kwargs)

    return wrapper


def with_status_service(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, status_url=STATUS.rstrip("/"), **kwargs)

    return wrapper


@mcp.tool()
@in_project
async def build(folder: str, target: str) -> str:
    """Build one make target of the project."""
    command = f"make -C {folder} {shlex.quote(target)}"
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


@mcp.tool()
@with_status_service
def job_status(job: int, status_url: str = "") -> str:
    """Read the state of a build job."""
    return requests.get(status_url, params={"job": job}, timeout=10).text
