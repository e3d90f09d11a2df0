# case: AIR106 — a network helper tool defined in `netkit.py` and imported under another
# name; it pastes the model's host into a shell command.
import subprocess

from smolagents import tool


@tool
def ping_host(host: str) -> str:
    """Ping a host once.

    Args:
        host: host name or address
    """
    out = subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True, text=True)  # expect: AIR106
    return out.stdout
