import os
import smtplib
from email.message import EmailMessage

from crewai.tools import BaseTool
from pydantic import BaseModel, Field


class SendEmailInput(BaseModel):
    to: str = Field(..., description="Recipient address")
    subject: str = Field(..., description="Subject line")
    body: str = Field(..., description="Plain-text body")


class SendEmailTool(BaseTool):
    name: str = "send_email"
    description: str = "Send an email from the sales mailbox."
    args_schema: type[BaseModel] = SendEmailInput

    def _run(self, to: str, subject: str, body: str) -> str:
        msg = EmailMessage()
        msg["From"] = os.environ.get("SALES_FROM", "sales@example.com")
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        with smtplib.SMTP(os.environ.get("SMTP_HOST", "localhost"), 587) as smtp:
            smtp.starttls()
            smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
            smtp.send_message(msg)
        return f"sent to {to}"
