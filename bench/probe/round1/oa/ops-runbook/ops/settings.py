import os
from dataclasses import dataclass, field

import httpx


@dataclass
class OpsDeps:
    http: httpx.AsyncClient
    cdn_token: str = field(default_factory=lambda: os.environ.get("CDN_API_TOKEN", ""))
    oncall: str = field(default_factory=lambda: os.environ.get("ONCALL_HANDLE", "@sre-oncall"))


MODEL = os.environ.get("OPS_MODEL", "anthropic:claude-sonnet-4-5")
CDN_API = "https://api.cdn.example.net/v2"
KNOWN_SERVICES = frozenset({"api", "worker", "scheduler", "nginx", "pgbouncer"})
