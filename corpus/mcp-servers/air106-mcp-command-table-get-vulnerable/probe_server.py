"""Network probe server: the model picks a probe by name from a table of command templates and
names the host; the host is put into the template and the line runs in a shell."""
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("probes")

PROBES = {
    "ping": "ping -c 3 {host}",
    "trace": "traceroute -m 12 {host}",
    "dns": "dig +short {host}",
}


@mcp.tool()
def probe(kind: str, host: str) -> str:  # expect: AIR306
    """Run a network probe against a host."""
    template = PROBES.get(kind, PROBES["ping"])
    line = template.format(host=host)
    return subprocess.run(line, shell=True, capture_output=True, text=True).stdout  # expect: AIR106
