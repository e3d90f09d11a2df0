import json
import os
import shlex
import subprocess

ALLOWED_KINDS = {"pod", "pods", "deployment", "deployments", "service", "services", "node", "nodes", "configmap"}


class ClusterTools:
    def __init__(self, context: str | None = None, kubeconfig: str | None = None):
        self.context = context or os.environ.get("KUBE_CONTEXT", "kind-dev")
        self.env = dict(os.environ)
        if kubeconfig:
            self.env["KUBECONFIG"] = kubeconfig
        self.kubectl = ["kubectl", f"--context={self.context}"]

    def _run(self, argv: list[str]) -> str:
        proc = subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=60)
        if proc.returncode:
            raise RuntimeError(proc.stderr.strip())
        return proc.stdout

    def get_pods(self, namespace: str) -> str:
        cmd = f"kubectl --context={self.context} get pods -n {shlex.quote(namespace)} -o json"
        raw = subprocess.run(cmd, shell=True, env=self.env, capture_output=True, text=True).stdout
        pods = json.loads(raw or "{}").get("items", [])
        return "\n".join(f"{p['metadata']['name']}\t{p['status'].get('phase')}" for p in pods)

    def pod_logs(self, pod: str, namespace: str, tail: int) -> str:
        cmd = f"kubectl --context={self.context} logs {pod} -n {namespace} --tail={tail}"
        return subprocess.check_output(cmd, shell=True, env=self.env, text=True, stderr=subprocess.STDOUT)

    def describe(self, kind: str, name: str, namespace: str) -> str:
        if kind.lower() not in ALLOWED_KINDS:
            raise ValueError(f"kind must be one of {sorted(ALLOWED_KINDS)}")
        return self._run([*self.kubectl, "describe", f"--namespace={namespace}", kind.lower(), "--", name])

    def scale(self, deployment: str, replicas: int, namespace: str) -> str:
        cmd = "kubectl --context=%s scale deployment/%s --replicas=%d -n %s" % (
            self.context, deployment, int(replicas), namespace)
        proc = subprocess.run(cmd, shell=True, env=self.env, capture_output=True, text=True)
        return proc.stdout or proc.stderr


def docker_containers() -> str:
    proc = subprocess.run("docker ps --format '{{.Names}}\t{{.Image}}\t{{.Status}}'",
                          shell=True, capture_output=True, text=True)
    return proc.stdout


def docker_exec(container: str, command: str) -> int:
    cmdline = " ".join(["docker", "exec", container, "sh", "-c", command])
    return os.system(cmdline)
