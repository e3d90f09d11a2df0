"""Service controls for the on-call copilot."""
import subprocess
from typing import Literal

from langchain_core.tools import tool
from pydantic import BaseModel, Field

SERVICES = {
    "api": "acme-api.service",
    "worker": "acme-worker.service",
    "scheduler": "acme-scheduler.service",
}


class RestartArgs(BaseModel):
    service: Literal["api", "worker", "scheduler"] = Field(description="which service to restart")
    reason: str = Field(description="short reason, recorded in the journal")


@tool("restart_service", args_schema=RestartArgs)
def restart_service(service: str, reason: str) -> str:
    """Restart one of the Acme services with systemd."""
    unit = SERVICES.get(service)
    if unit is None:
        return f"unknown service {service!r}"
    proc = subprocess.run(["sudo", "systemctl", "restart", unit], capture_output=True, text=True, timeout=60)
    subprocess.run(["logger", "-t", "ops-copilot", f"restarted {unit}: {reason}"], check=False)
    return "restarted" if proc.returncode == 0 else proc.stderr


@tool
def service_status(service: Literal["api", "worker", "scheduler"]) -> str:
    """Show `systemctl status` for a service."""
    unit = SERVICES[service]
    out = subprocess.run(["systemctl", "status", "--no-pager", unit], capture_output=True, text=True)
    return out.stdout[-3000:]


INFRA_TOOLS = [service_status, restart_service]
