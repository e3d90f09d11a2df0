# case: A ReAct loop written with the LangGraph functional API (@entrypoint and @task): the model may call a URL reader and an email sender, and the task runs whatever it asks, so a fetched page can send mail with nothing approving it.
import smtplib
from email.message import EmailMessage

import requests
from langchain_core.messages import ToolMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.func import entrypoint, task
from langgraph.graph.message import add_messages


@tool
def read_url(url: str) -> str:
    """Read a web page."""
    return requests.get(url, timeout=10).text[:8000]  # expect: AIR106


@tool
def send_email(to: str, subject: str, body: str) -> str:  # expect: AIR101
    """Send an email from the assistant's mailbox."""
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
