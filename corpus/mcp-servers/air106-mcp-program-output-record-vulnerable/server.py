# case: the same local-cluster server, but the tool restarts the container named by the record's
# `cluster` field, which is the model's text handed back: a value starting with `-` becomes an
# option of `docker restart` (AIR106, argv_option).
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
    """Restart the control-plane container of a local cluster."""
    found = cluster_nodes(cluster)
    if not found["ok"]:
        return found["error"]
    subprocess.run(["docker", "restart", found.get("cluster", "kind")], check=True)  # expect: AIR106
    return "restarted"
