"""Runtime settings, read once from the environment (.env is loaded by the entrypoint)."""
import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    model: str = field(default_factory=lambda: os.getenv("INBOX_MODEL", "openai:gpt-4.1-mini"))
    gmail_token_path: str = field(default_factory=lambda: os.getenv("GMAIL_TOKEN", "token.json"))
    owner_email: str = field(default_factory=lambda: os.getenv("OWNER_EMAIL", ""))
    smtp_host: str = field(default_factory=lambda: os.getenv("SMTP_HOST", "smtp.gmail.com"))
    smtp_user: str = field(default_factory=lambda: os.getenv("SMTP_USER", ""))
    smtp_password: str = field(default_factory=lambda: os.getenv("SMTP_PASSWORD", ""))
    max_batch: int = int(os.getenv("INBOX_MAX_BATCH", "10"))


settings = Settings()
