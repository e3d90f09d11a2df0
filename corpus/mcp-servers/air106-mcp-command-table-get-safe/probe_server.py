"""Network probe server: the model picks a probe by name from a table of fixed command lines;
only lines from the table run (`PROBES.get(kind, ...)` gives one of them whatever the key)."""
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("probes")

PROBES = {
    "uplink": "ping -c 3 192.0.2.1",
    "resolver": "dig +short example.org @192.0.2.53",
    "routes": "ip route show",
}


@mcp.tool()
def probe(kind: str) -> str:
    """Run one of the fixed network probes."""
    line = PROBES.get(kind, PROBES["uplink"])
    return subprocess.run(line, shell=True, capture_output=True, text=True).stdout
