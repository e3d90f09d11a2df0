import subprocess

from mcp.server.fastmcp import FastMCP

KINDS = {"pods", "deployments", "services", "configmaps"}
mcp = FastMCP("cluster-reader")


@mcp.tool()
def list_resources(kind: str, namespace: str = "default") -> str:
    """List resources of one kind in a namespace."""
    if kind.strip().lower() not in KINDS:
        raise ValueError(f"kind must be one of {sorted(KINDS)}")
    argv = ["kubectl", "get", kind.strip().lower(), f"--namespace={namespace}", "-o", "name"]
    return subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout
