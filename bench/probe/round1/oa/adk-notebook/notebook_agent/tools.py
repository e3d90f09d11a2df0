import csv
import smtplib
from email.message import EmailMessage
from pathlib import Path

from .config import config


def read_upload(filename: str, max_rows: int = 200) -> dict:
    """Read a CSV file the user uploaded and return its header and first rows.

    Args:
        filename: name of the uploaded file, e.g. "sales_q3.csv".
        max_rows: how many data rows to return.
    """
    base = Path(config.upload_dir).resolve()
    path = (base / filename).resolve()
    if base not in path.parents:
        raise ValueError("file is outside the upload directory")
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        rows = [row for _, row in zip(range(max_rows), reader)]
    return {"columns": header, "rows": rows, "truncated": len(rows) == max_rows}


def email_report(recipient: str, subject: str, summary: str) -> dict:
    """Email the analysis summary to a colleague.

    Args:
        recipient: email address.
        subject: subject line.
        summary: plain-text body.
    """
    msg = EmailMessage()
    msg["From"] = config.report_sender
    msg["To"] = recipient
    msg["Subject"] = subject
    msg.set_content(summary)
    with smtplib.SMTP(config.smtp_host) as smtp:
        smtp.send_message(msg)
    return {"status": "sent", "to": recipient}
