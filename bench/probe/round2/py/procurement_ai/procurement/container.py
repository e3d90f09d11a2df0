"""Composition root. Everything the agent tools need hangs off Container (the agent's deps)."""
from __future__ import annotations

from dataclasses import dataclass

from .db import Database
from .repositories import PostgresVendorRepository, VendorRepository
from .services import ErpClient, Mailer, QuoteStore, SmtpMailer
from .settings import Settings, get_settings


@dataclass
class Container:
    settings: Settings
    vendors: VendorRepository
    mailer: Mailer
    erp: ErpClient
    quotes: QuoteStore
    user_id: str

    @classmethod
    def build(cls, user_id: str, settings: Settings | None = None) -> "Container":
        settings = settings or get_settings()
        db = Database(settings.database_dsn)
        return cls(
            settings=settings,
            vendors=PostgresVendorRepository(db),
            mailer=SmtpMailer(settings),
            erp=ErpClient(settings),
            quotes=QuoteStore(settings.quote_storage_root),
            user_id=user_id,
        )
