import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    model: str = os.getenv("SUPPORT_MODEL", "gpt-4.1-mini")
    stripe_key: str = os.getenv("STRIPE_SECRET_KEY", "")
    imap_host: str = os.getenv("SUPPORT_IMAP_HOST", "imap.example.com")
    imap_user: str = os.getenv("SUPPORT_IMAP_USER", "support@example.com")
    imap_password: str = os.getenv("SUPPORT_IMAP_PASSWORD", "")
    db_path: str = os.getenv("BILLING_DB", "billing.sqlite3")
    notes_dir: str = os.getenv("CASE_NOTES_DIR", "var/case_notes")
    max_charge_cents: int = 50_000


settings = Settings()
