import json
import os
from datetime import date

from langchain_core.tools import tool

from app.config import settings


@tool("export_payment_report")
def export_report(filename: str, transfer_id: str, summary: str) -> str:  # expect: AIR101
    """Write the payment report for the audit trail (one JSON file per invoice)."""
    path = os.path.join(settings.export_dir, filename)
    report = {"date": date.today().isoformat(), "transfer": transfer_id, "summary": summary}
    with open(path, "w", encoding="utf-8") as fh:  # expect: AIR106
        fh.write(json.dumps(report, indent=2))
    return f"report written to {path}"
