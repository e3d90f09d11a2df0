from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PROCURE_", env_file=".env", extra="ignore")

    llm_model: str = "openai:gpt-4.1"
    database_dsn: str = "postgresql://procure@localhost:5432/procurement"
    erp_base_url: str = "https://erp.internal.example.com/api/v2"
    erp_token: SecretStr = SecretStr("")
    smtp_host: str = "smtp.internal.example.com"
    smtp_port: int = 587
    smtp_user: str = "procurement-bot@example.com"
    smtp_password: SecretStr = SecretStr("")
    quote_storage_root: Path = Path("/srv/procurement/quotes")
    max_search_results: int = Field(default=20, ge=1, le=200)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
