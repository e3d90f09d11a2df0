"""Let the bot loop the team in on Slack."""
import requests
from langchain_core.tools import tool

from mailbot.settings import settings


@tool
def notify_team(text: str) -> str:
    """Post a message to the #support-escalations Slack channel."""
    resp = requests.post(settings.slack_webhook_url, json={"text": text}, timeout=10)
    resp.raise_for_status()
    return "posted to #support-escalations"
