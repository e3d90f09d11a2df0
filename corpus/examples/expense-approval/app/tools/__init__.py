"""Tools available to the payments agent."""

from .payments import issue_payout
from .reports import export_report

PAYMENT_TOOLS = [issue_payout, export_report]

__all__ = ["PAYMENT_TOOLS", "export_report", "issue_payout"]
