from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import aiosqlite


@dataclass
class Booking:
    ref: str
    surname: str
    hotel: str
    check_in: date
    check_out: date
    total_eur: float
    payment_intent: str | None
    status: str


class BookingStore:
    def __init__(self, path: str) -> None:
        self._path = path

    async def _query(self, sql: str, params: tuple = ()) -> list[aiosqlite.Row]:
        async with aiosqlite.connect(self._path) as db:
            db.row_factory = aiosqlite.Row
            async with db.execute(sql, params) as cur:
                return await cur.fetchall()

    async def _write(self, sql: str, params: tuple) -> None:
        async with aiosqlite.connect(self._path) as db:
            await db.execute(sql, params)
            await db.commit()

    @staticmethod
    def _to_booking(row: aiosqlite.Row) -> Booking:
        return Booking(
            ref=row["ref"], surname=row["surname"], hotel=row["hotel"],
            check_in=date.fromisoformat(row["check_in"]), check_out=date.fromisoformat(row["check_out"]),
            total_eur=row["total_eur"], payment_intent=row["payment_intent"], status=row["status"],
        )

    async def get(self, ref: str) -> Booking:
        rows = await self._query("SELECT * FROM bookings WHERE ref = ?", (ref,))
        if not rows:
            raise KeyError(ref)
        return self._to_booking(rows[0])

    async def find(self, surname: str, hotel: str | None = None) -> list[Booking]:
        clauses, params = ["lower(surname) = lower(?)"], [surname]
        if hotel:
            clauses.append("hotel LIKE ?")
            params.append(f"%{hotel}%")
        sql = f"SELECT * FROM bookings WHERE {' AND '.join(clauses)} ORDER BY check_in"
        return [self._to_booking(r) for r in await self._query(sql, tuple(params))]

    async def set_status(self, ref: str, status: str, note: str = "") -> None:
        await self._write("UPDATE bookings SET status = ?, note = ? WHERE ref = ?", (status, note, ref))
