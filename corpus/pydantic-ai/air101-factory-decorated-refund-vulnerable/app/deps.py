from dataclasses import dataclass


@dataclass
class SupportDeps:
    tenant: str = "default"
