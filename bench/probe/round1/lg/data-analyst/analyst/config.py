import os
from dataclasses import dataclass


@dataclass
class AnalystConfig:
    model: str = os.getenv("ANALYST_MODEL", "openai:gpt-4.1")
    # "local" runs code in-process (fast, for notebooks); "e2b" and "docker" isolate it.
    executor: str = os.getenv("ANALYST_EXECUTOR", "local")
    data_dir: str = os.getenv("ANALYST_DATA_DIR", "./data")
    timeout_s: int = int(os.getenv("ANALYST_TIMEOUT", "60"))


def load_config() -> AnalystConfig:
    return AnalystConfig()
