# case: a local-cluster server whose helper runs `kind get nodes --name=<cluster>` and returns a
# record: the model's cluster name in one field, the node names the program printed in another.
# The tool restarts each printed node: a name `kind` printed, not one the model wrote, so the
# argument list holds nothing the model chose (the record's fields keep their own origins, and
# what a program prints is its output, not the argument that selected it).
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("local-cluster")


def _kind(args, timeout=30):
    proc = subprocess.run(["kind"] + args, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        return {"ok": False, "error": f"kind gave up after {timeout}s: {proc.stderr}"}
    return {"ok": True, "output": proc.stdout}


def cluster_nodes(cluster):
    res = _kind(["get", "nodes", f"--name={cluster}"], timeout=20)
    if not res["ok"]:
        return res
    names = [line.strip() for line in res.get("output", "").splitlines() if line.strip()]
    return {"ok": True, "cluster": cluster, "nodes": names}


@mcp.tool(annotations={"destructiveHint": True})
def restart_cluster_nodes(cluster: str) -> str:
    """Restart every node container of a local cluster."""
    found = cluster_nodes(cluster)
    if not found["ok"]:
        return found["error"]
    for node in found.get("nodes", []):
        subprocess.run(["docker", "restart", node], check=True)
    return f"restarted {len(found['nodes'])} nodes"
