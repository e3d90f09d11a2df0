from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping


@dataclass(frozen=True)
class Settings:
    model: str
    reports_dir: Path
    logs_dir: Path
    http_timeout: float = 15.0

    @classmethod
    def from_config(cls, cfg: Mapping[str, Any]) -> "Settings":
        return cls(
            model=cfg["model"],
            reports_dir=Path(cfg.get("reports_dir", "./reports")).resolve(),
            logs_dir=Path(cfg.get("logs_dir", "/var/log/research-assistant")),
            http_timeout=float(cfg.get("http_timeout", 15)),
        )
