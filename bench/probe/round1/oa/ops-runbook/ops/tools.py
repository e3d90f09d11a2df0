"""Tools for the on-call assistant. Registered on the agent in ops/agent.py."""
import subprocess

from pydantic_ai import RunContext

from .settings import CDN_API, OpsDeps


async def fetch_alert_page(ctx: RunContext[OpsDeps], url: str) -> str:
    """Open the link from an alert (Grafana, status page, vendor incident page) and return its text."""
    resp = await ctx.deps.http.get(url, follow_redirects=True, timeout=15)
    resp.raise_for_status()
    return resp.text[:20_000]


def tail_logs(service: str, lines: int = 200, grep: str = "") -> str:
    """Return the most recent journal lines for a service, optionally filtered by a pattern."""
    cmd = f"journalctl -u {service}.service -n {lines} --no-pager"
    if grep:
        cmd += f" | grep -i '{grep}'"
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30)
    return (out.stdout or out.stderr)[-8_000:]


async def purge_cdn_cache(ctx: RunContext[OpsDeps], zone: str, paths: list[str]) -> str:
    """Purge cached paths on the CDN for a zone."""
    resp = await ctx.deps.http.post(
        f"{CDN_API}/zones/{zone}/purge",
        json={"files": paths},
        headers={"Authorization": f"Bearer {ctx.deps.cdn_token}"},
    )
    resp.raise_for_status()
    return f"purge queued: {resp.json().get('id')}"
