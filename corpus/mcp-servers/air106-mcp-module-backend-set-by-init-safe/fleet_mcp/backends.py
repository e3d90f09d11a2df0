"""Ways of reaching the fleet's hosts."""
import re
import subprocess

HOST = re.compile(r"^[a-z0-9][a-z0-9.-]{0,62}$")
UNIT = re.compile(r"^[A-Za-z0-9@_.-]+\.service$")


class SshBackend:
    def __init__(self, jump_host: str):
        self.jump_host = jump_host

    def service_status(self, host: str, unit: str) -> str:
        if not HOST.fullmatch(host) or not UNIT.fullmatch(unit):
            raise ValueError("bad host or unit name")
        argv = ["ssh", "-J", self.jump_host, "--", host, "systemctl", "status", "--", unit]
        return subprocess.check_output(argv, text=True)


def make_backend(kind: str, target: str):
    if kind == "ssh":
        return SshBackend(target)
    raise ValueError(f"unknown backend {kind}")
