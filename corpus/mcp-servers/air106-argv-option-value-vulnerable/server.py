# case: a static-site MCP server runs npm and hugo with argument lists and no shell. The model's
# package name follows `--save-exact`, and its site folder follows `--no-build-cache`: both are
# switches that take no value, so the model's text is an operand the program still reads as an
# option when it starts with `-` (`--prefix=/home/dev`, `--config=/tmp/evil.toml`): option
# injection. A value right after the short option `-d` stays uncertain (medium confidence).
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("site-builder")


@mcp.tool()
def add_theme(package: str) -> str:
    """Install a theme package into the site."""
    argv = ["npm", "install", "--save-exact"]
    argv.append(package)
    return subprocess.run(argv, capture_output=True, text=True).stdout  # expect: AIR106


@mcp.tool()
def check_site(folder: str) -> str:
    """Build the site in a folder without the cache, to check it."""
    cmd = ["hugo", "--no-build-cache", folder]
    done = subprocess.run(cmd, capture_output=True, text=True)  # expect: AIR106
    return done.stderr or "ok"


@mcp.tool()
def render_drafts(folder: str) -> str:
    """Render a folder with its drafts."""
    return subprocess.check_output(["hugo", "-D", folder], text=True)  # expect: AIR106
