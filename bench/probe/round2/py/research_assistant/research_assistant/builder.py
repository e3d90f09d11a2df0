from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langgraph.checkpoint.memory import InMemorySaver

from .settings import Settings
from .toolbox import REGISTRY

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config" / "agents.yaml"


def load_config(path: Path = DEFAULT_CONFIG) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _tools_for(spec: dict[str, Any], settings: Settings) -> list:
    unknown = [name for name in spec.get("tools", []) if name not in REGISTRY]
    if unknown:
        raise KeyError(f"unknown tools in config: {unknown}")
    return [REGISTRY[name](settings) for name in spec.get("tools", [])]


def _middleware_for(spec: dict[str, Any]) -> list:
    gated = spec.get("require_approval") or []
    if not gated:
        return []
    return [HumanInTheLoopMiddleware(interrupt_on={name: True for name in gated})]


def build_agents(cfg: dict[str, Any] | None = None) -> dict[str, Any]:
    cfg = cfg or load_config()
    settings = Settings.from_config(cfg)
    settings.reports_dir.mkdir(parents=True, exist_ok=True)
    checkpointer = InMemorySaver()
    agents: dict[str, Any] = {}
    for name, spec in cfg["agents"].items():
        agents[name] = create_agent(
            spec.get("model", settings.model),
            tools=_tools_for(spec, settings),
            system_prompt=spec["prompt"],
            middleware=_middleware_for(spec),
            checkpointer=checkpointer,
            name=name,
        )
    return agents
