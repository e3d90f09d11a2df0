"""Canned reply snippets the drafting model can pull in instead of writing from scratch."""
from pathlib import Path

from langchain_core.tools import tool

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates"

KNOWN_TEMPLATES = {
    "out_of_office": "ooo.txt",
    "meeting_ack": "meeting_ack.txt",
    "invoice_received": "invoice_received.txt",
    "unsubscribe": "unsubscribe.txt",
}


@tool
def load_template(name: str) -> str:
    """Load a canned reply template.

    Valid names: out_of_office, meeting_ack, invoice_received, unsubscribe.
    """
    filename = KNOWN_TEMPLATES.get(name.strip().lower())
    if filename is None:
        return f"Unknown template {name!r}. Choose one of: {', '.join(sorted(KNOWN_TEMPLATES))}"
    with open(TEMPLATE_DIR / filename, encoding="utf-8") as fh:
        return fh.read()
