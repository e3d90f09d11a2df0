import os
from dataclasses import dataclass


@dataclass(frozen=True)
class NotebookConfig:
    upload_dir: str = os.getenv("NOTEBOOK_UPLOAD_DIR", "/srv/notebook/uploads")
    local_model: str = os.getenv("NOTEBOOK_LOCAL_MODEL", "gemini-2.5-flash")
    cloud_model: str = os.getenv("NOTEBOOK_CLOUD_MODEL", "gemini-2.5-pro")
    run_code_locally: bool = os.getenv("NOTEBOOK_LOCAL_EXEC", "0") == "1"
    smtp_host: str = os.getenv("SMTP_HOST", "localhost")
    report_sender: str = os.getenv("REPORT_SENDER", "notebook@example.com")


config = NotebookConfig()
