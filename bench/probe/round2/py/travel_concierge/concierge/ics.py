from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .store import Booking

EXPORT_ROOT = Path("/srv/concierge/exports")


@dataclass
class ExportJob:
    booking: Booking
    target: Path


def render_ics(b: Booking) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//concierge//EN",
        "BEGIN:VEVENT", f"UID:{b.ref}@concierge", f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{b.check_in:%Y%m%d}", f"DTEND;VALUE=DATE:{b.check_out:%Y%m%d}",
        f"SUMMARY:Stay at {b.hotel}", "END:VEVENT", "END:VCALENDAR", "",
    ])


def write_ics(job: ExportJob) -> Path:
    job.target.parent.mkdir(parents=True, exist_ok=True)
    job.target.write_text(render_ics(job.booking), encoding="utf-8")
    return job.target
