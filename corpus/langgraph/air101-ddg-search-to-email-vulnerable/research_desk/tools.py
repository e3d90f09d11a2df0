import smtplib
from email.message import EmailMessage

from langchain_community.tools import DuckDuckGoSearchRun
from langchain_core.tools import BaseTool
from pydantic import BaseModel, Field


class SendEmailArgs(BaseModel):
    to: str = Field(description="Recipient email address")
    subject: str = Field(description="Subject line")
    body: str = Field(description="Plain-text body")


class SendEmailTool(BaseTool):  # expect: AIR101
    name: str = "send_email"
    description: str = "Send an email from the research desk mailbox."
    args_schema: type[BaseModel] = SendEmailArgs

    def _run(self, to: str, subject: str, body: str) -> str:
        msg = EmailMessage()
        msg["From"] = "research-desk@example.com"
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        with smtplib.SMTP("localhost", 25) as smtp:
            smtp.send_message(msg)
        return f"sent to {to}"


read_tools = [DuckDuckGoSearchRun()]
