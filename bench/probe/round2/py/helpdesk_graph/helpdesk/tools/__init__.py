from .billing import issue_refund, lookup_order
from .mailbox import fetch_unread, send_reply

SUPPORT_TOOLS = [fetch_unread, lookup_order, issue_refund, send_reply]

__all__ = ["SUPPORT_TOOLS", "fetch_unread", "issue_refund", "lookup_order", "send_reply"]
