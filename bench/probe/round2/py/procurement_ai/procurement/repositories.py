from __future__ import annotations

from abc import ABC, abstractmethod

from pydantic import BaseModel

from .db import Database, Select

VENDOR_COLUMNS = ("id", "name", "country", "contact_email", "rating", "payment_terms")


class Vendor(BaseModel):
    id: int
    name: str
    country: str
    contact_email: str
    rating: float | None = None
    payment_terms: str | None = None


class VendorRepository(ABC):
    @abstractmethod
    def search(self, name_fragment: str, limit: int) -> list[Vendor]: ...

    @abstractmethod
    def get(self, vendor_id: int) -> Vendor | None: ...


class PostgresVendorRepository(VendorRepository):
    def __init__(self, db: Database) -> None:
        self._db = db

    def search(self, name_fragment: str, limit: int) -> list[Vendor]:
        query = (
            Select("vendors", VENDOR_COLUMNS)
            .where(f"name ILIKE '%%{name_fragment}%%'")
            .where("active = %s", True)
            .limit(limit)
        )
        sql, params = query.build()
        return [Vendor(**row) for row in self._db.fetch_all(sql, params)]

    def get(self, vendor_id: int) -> Vendor | None:
        sql, params = Select("vendors", VENDOR_COLUMNS).where("id = %s", vendor_id).build()
        row = self._db.fetch_one(sql, params)
        return Vendor(**row) if row else None
