# case: The same functional-API assistant, but send_email asks a human with interrupt() before it sends, and the entrypoint has a checkpointer, so page text cannot send mail unreviewed.
import smtplib
from email.message import EmailMessage

import requests
from langchain_core.messages import ToolMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.func import entrypoint, task
from langgraph.graph.message import add_messages
from langgraph.types import interrupt


@tool
def read_url(url: str) -> str:
    """Read a web page."""
    return requests.get(url, timeout=10).text[:8000]  # expect: AIR106


@tool
def send_email(to: str, subject: str, body: str) -> str:
    """Send an email from the assistant's mailbox."""
    if interrupt({"action": "send_email", "to": to, "subject": subject}) != "approve":
        return "not sent: the reviewer declined"
    msg = EmailMessage()
    msg["To"], msg["Subject"] = to, subject
    msg.set_content(body)
    with smtplib.SMTP("smtp.internal.example", 587) as smtp:
        smtp.send_message(msg)
    return "sent"


tools = [read_url, send_email]
tools_by_name = {t.name: t for t in tools}
model = ChatOpenAI(model="gpt-4.1")


@task
def call_model(messages):
    return model.bind_tools(tools).invoke(messages)


@task
def call_tool(tool_call):
    result = tools_by_name[tool_call["name"]].invoke(tool_call["args"])
    return ToolMessage(content=str(result), tool_call_id=tool_call["id"])


@entrypoint(checkpointer=InMemorySaver())
def assistant(messages):
    response = call_model(messages).result()
    while response.tool_calls:
        results = [call_tool(tc).result() for tc in response.tool_calls]
        messages = add_messages(messages, [response, *results])
        response = call_model(messages).result()
    return response
