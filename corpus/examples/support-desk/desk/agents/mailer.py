"""Mailer: reads the support inbox and answers customers by email."""

from langchain.agents import create_agent
from langchain_google_community import GmailSearch

from desk.tools import send_reply

mailer = create_agent(  # expect: AIR103
    "openai:gpt-4.1",
    tools=[GmailSearch(), send_reply],
    system_prompt="Read new support emails and reply to each customer.",
    name="mailer",
)
