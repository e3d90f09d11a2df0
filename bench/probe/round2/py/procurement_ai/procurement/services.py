from __future__ import annotations

import smtplib
from abc import ABC, abstractmethod
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

import httpx

from .settings import Settings


class Mailer(ABC):
    @abstractmethod
    def send(self, to: str, subject: str, body: str) -> str: ...


class SmtpMailer(Mailer):
    def __init__(self, settings: Settings) -> None:
        self._s = settings

    def send(self, to: str, subject: str, body: str) -> str:
        msg = EmailMessage()
        msg["From"] = self._s.smtp_user
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        with smtplib.SMTP(self._s.smtp_host, self._s.smtp_port) as smtp:
            smtp.starttls()
            smtp.login(self._s.smtp_user, self._s.smtp_password.get_secret_value())
            smtp.send_message(msg)
        return msg["Message-ID"] or "queued"


class ErpClient:
    def __init__(self, settings: Settings) -> None:
        self._http = httpx.AsyncClient(
            base_url=settings.erp_base_url,
            headers={"Authorization": f"Bearer {settings.erp_token.get_secret_value()}"},
            timeout=30,
        )

    async def create_purchase_order(self, vendor_id: int, lines: list[dict], requested_by: str) -> str:
        payload = {"vendor_id": vendor_id, "lines": lines, "requested_by": requested_by}
        resp = await self._http.post("/purchase-orders", json=payload)
        resp.raise_for_status()
        return resp.json()["po_number"]

    @staticmethod
    def line(sku: str, quantity: int, unit_price: Decimal) -> dict:
        return {"sku": sku, "qty": quantity, "unit_price": str(unit_price)}


class QuoteStore:
    """Stores vendor quotes on the shared volume, one folder per PO."""

    def __init__(self, root: Path) -> None:
        self._root = root.resolve()

    def _confined(self, *parts: str) -> Path:
        candidate = self._root.joinpath(*parts).resolve()
        if not candidate.is_relative_to(self._root):
            raise PermissionError(f"refusing to write outside {self._root}")
        return candidate

    def put(self, order_ref: str, filename: str, data: bytes) -> Path:
        target = self._confined(order_ref, filename)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return target
