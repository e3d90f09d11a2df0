"""Agent factories. The FastAPI app builds one of each at startup."""
import os
import sqlite3

from langchain.agents import create_agent
from langchain.chat_models import init_chat_model
from langgraph.checkpoint.memory import MemorySaver
from langgraph.prebuilt import create_react_agent

from copilot.tools import build_admin_tools, build_support_tools

MODEL_NAME = os.getenv("COPILOT_MODEL", "openai:gpt-4.1-mini")


def make_support_agent(db: sqlite3.Connection):
    return create_agent(
        MODEL_NAME,
        tools=build_support_tools(db),
        system_prompt=(
            "You are Acme's ops copilot. Help staff answer order questions and keep services healthy. "
            "Restart a service if its status shows it is failing."
        ),
        name="ops_copilot",
    )


def make_admin_agent(db: sqlite3.Connection):
    return create_react_agent(
        init_chat_model(MODEL_NAME),
        build_admin_tools(db),
        prompt="You handle account administration requests from the trust & safety team.",
        checkpointer=MemorySaver(),
        interrupt_before=["tools"],
        name="account_admin",
    )
