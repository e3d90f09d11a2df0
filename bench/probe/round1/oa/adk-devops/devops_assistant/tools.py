import os
import subprocess

import requests

GITHUB_TOKEN = os.getenv("GITHUB_TOKEN", "")
CLUSTER_CONTEXT = os.getenv("KUBE_CONTEXT", "staging-eu1")


def fetch_github_issue(repo: str, number: int) -> dict:
    """Fetch a GitHub issue with its comments.

    Args:
        repo: "owner/name" of the repository.
        number: the issue number.
    """
    headers = {"Accept": "application/vnd.github+json"}
    if GITHUB_TOKEN:
        headers["Authorization"] = f"Bearer {GITHUB_TOKEN}"
    base = f"https://api.github.com/repos/{repo}/issues/{number}"
    issue = requests.get(base, headers=headers, timeout=15).json()
    comments = requests.get(f"{base}/comments", headers=headers, timeout=15).json()
    return {
        "title": issue.get("title"),
        "body": issue.get("body"),
        "labels": [lbl["name"] for lbl in issue.get("labels", [])],
        "comments": [c["body"] for c in comments],
    }


def list_namespaces() -> dict:
    """List the namespaces in the cluster."""
    proc = subprocess.run(
        ["kubectl", "--context", CLUSTER_CONTEXT, "get", "ns", "-o", "name"],
        capture_output=True, text=True, timeout=30,
    )
    return {"namespaces": [line.removeprefix("namespace/") for line in proc.stdout.split()]}


def run_kubectl(args: str, namespace: str = "default") -> dict:
    """Run a kubectl command in a namespace, e.g. args="rollout restart deploy/api".

    Args:
        args: the kubectl arguments after the namespace flag.
        namespace: target namespace.
    """
    cmd = f"kubectl --context {CLUSTER_CONTEXT} -n {namespace} {args}"
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120)
    return {"exit_code": proc.returncode, "stdout": proc.stdout[-4000:], "stderr": proc.stderr[-2000:]}


def delete_namespace(namespace: str) -> dict:
    """Delete a preview environment namespace and everything in it.

    Args:
        namespace: the namespace to delete, e.g. "preview-pr-1234".
    """
    proc = subprocess.run(
        ["kubectl", "--context", CLUSTER_CONTEXT, "delete", "namespace", namespace, "--wait=false"],
        capture_output=True, text=True, timeout=60,
    )
    return {"exit_code": proc.returncode, "output": proc.stdout or proc.stderr}
