# case: AIR106 (safe) — a network helper tool defined in `netkit.py` and imported under another
# name; it quotes the host for the shell.
import shlex
import subprocess

from smolagents import tool


@tool
def ping_host(host: str) -> str:
    """Ping a host once.

    Args:
        host: host name or address
    """
    out = subprocess.run(f"ping -c 1 {shlex.quote(host)}", shell=True, capture_output=True, text=True)
    return out.stdout
