import os
from pathlib import Path

from pydantic import BaseModel, Field


class Settings(BaseModel):
    user_agent: str = "mcp-fetch/0.4 (+https://example.invalid/bot)"
    allowed_hosts: set[str] = Field(default_factory=lambda: {"docs.python.org", "developer.mozilla.org", "en.wikipedia.org"})
    cache_dir: Path = Path(os.environ.get("MCP_FETCH_CACHE", "~/.cache/mcp-fetch")).expanduser()
    webhook_url: str = os.environ.get("MCP_FETCH_WEBHOOK", "https://hooks.example.invalid/T000/B000")
    timeout: float = 20.0


settings = Settings()
