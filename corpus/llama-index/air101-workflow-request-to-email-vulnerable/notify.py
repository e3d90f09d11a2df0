"""Customer notifications the support agent may send."""
import smtplib
from email.message import EmailMessage

from llama_index.core.workflow import Context


async def email_customer(ctx: Context, address: str, subject: str, body: str) -> str:  # expect: AIR101
    """Email the customer about their case."""
    message = EmailMessage()
    message["From"] = "support@shop.example"
    message["To"] = address
    message["Subject"] = subject
    message.set_content(body)
    with smtplib.SMTP("mail.shop.example") as relay:
        relay.send_message(message)
    await ctx.store.set("last_email", address)
    return f"sent to {address}"
