from app.tools.gmail import search_inbox, send_email
from app.tools.templates import load_template

READ_TOOLS = [search_inbox, load_template]
WRITE_TOOLS = [send_email]

ALL_TOOLS = [*READ_TOOLS, *WRITE_TOOLS]

__all__ = ["ALL_TOOLS", "READ_TOOLS", "WRITE_TOOLS", "search_inbox", "send_email", "load_template"]
