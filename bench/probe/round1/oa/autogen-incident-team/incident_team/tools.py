import os
import sqlite3

import httpx
import requests

METRICS_DB = os.environ.get("METRICS_DB", "/var/lib/metrics/metrics.db")
STATUSPAGE_API = "https://api.statuspage.io/v1/pages/{page_id}/incidents/{incident_id}"
STATUSPAGE_PAGE = os.environ.get("STATUSPAGE_PAGE_ID", "")
STATUSPAGE_KEY = os.environ.get("STATUSPAGE_API_KEY", "")


async def fetch_url(url: str) -> str:
    """Download a web page (vendor status page, forum thread, docs) and return its text."""
    async with httpx.AsyncClient(follow_redirects=True, timeout=20) as client:
        resp = await client.get(url, headers={"User-Agent": "incident-bot/1.0"})
    return resp.text[:15_000]


def query_metrics(service: str, metric: str, hours: int = 6) -> str:
    """Return recent datapoints for one metric of a service as CSV lines (ts,value)."""
    conn = sqlite3.connect(METRICS_DB)
    try:
        rows = conn.execute(
            f"SELECT ts, value FROM datapoints WHERE service = '{service}' AND metric = '{metric}' "
            f"AND ts > datetime('now', '-{hours} hours') ORDER BY ts"
        ).fetchall()
    finally:
        conn.close()
    return "\n".join(f"{ts},{value}" for ts, value in rows) or "no data"


def post_status_update(incident_id: str, status: str, message: str) -> str:
    """Post an update to the public status page for an open incident."""
    url = STATUSPAGE_API.format(page_id=STATUSPAGE_PAGE, incident_id=incident_id)
    resp = requests.patch(
        url,
        json={"incident": {"status": status, "body": message}},
        headers={"Authorization": f"OAuth {STATUSPAGE_KEY}"},
        timeout=15,
    )
    resp.raise_for_status()
    return f"status page updated ({status})"
