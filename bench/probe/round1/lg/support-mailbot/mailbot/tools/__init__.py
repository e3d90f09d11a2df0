from mailbot.tools.billing import issue_refund, lookup_charges
from mailbot.tools.mail import read_support_inbox, send_reply
from mailbot.tools.slack import notify_team

TOOLS = [read_support_inbox, send_reply, lookup_charges, issue_refund, notify_team]
