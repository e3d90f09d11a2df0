"""Ways of reaching the fleet's hosts."""
import subprocess


class SshBackend:
    def __init__(self, jump_host: str):
        self.jump_host = jump_host

    def service_status(self, host: str, unit: str) -> str:
        command = f"ssh -J {self.jump_host} {host} systemctl status {unit}"
        return subprocess.check_output(command, shell=True, text=True)  # expect: AIR106


def make_backend(kind: str, target: str):
    if kind == "ssh":
        return SshBackend(target)
    raise ValueError(f"unknown backend {kind}")
