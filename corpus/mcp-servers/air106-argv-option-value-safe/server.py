# case: the same static-site server passes each of the model's values as the value of a long
# option that takes one (`--source DIR`, `--theme NAME`, `--prefix DIR`): getopt_long, argparse
# and click hand the next element to such an option even when it starts with `-`, so the model
# picks a folder or a theme, never an option of its own. Switches that take no value come after.
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("site-builder")


@mcp.tool()
def build_site(source: str, theme: str) -> str:
    """Build the site from a source folder with a theme."""
    argv = ["hugo", "--source", source, "--theme", theme, "--minify"]
    return subprocess.run(argv, capture_output=True, text=True).stdout


@mcp.tool()
def install_into(prefix: str) -> str:
    """Install the site's dependencies under a prefix folder."""
    cmd = ["npm", "ci", "--prefix"]
    cmd.append(prefix)
    cmd += ["--no-audit", "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    return done.stderr or "ok"
