"""Customer notifications the support agent may send, each one confirmed by a person."""
import smtplib
from email.message import EmailMessage

from llama_index.core.workflow import Context, HumanResponseEvent, InputRequiredEvent


async def email_customer(ctx: Context, address: str, subject: str, body: str) -> str:
    """Email the customer about their case."""
    ctx.write_event_to_stream(
        InputRequiredEvent(prefix=f"Send '{subject}' to {address}? (yes/no)", user_name="agent")
    )
    answer = await ctx.wait_for_event(
        HumanResponseEvent, requirements={"user_name": "agent"}
    )
    if answer.response.strip().lower() != "yes":
        return "the operator declined; nothing was sent"
    message = EmailMessage()
    message["From"] = "support@shop.example"
    message["To"] = address
    message["Subject"] = subject
    message.set_content(body)
    with smtplib.SMTP("mail.shop.example") as relay:
        relay.send_message(message)
    await ctx.store.set("last_email", address)
    return f"sent to {address}"
