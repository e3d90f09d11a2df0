"""The three worker agents. Each is a prebuilt ReAct agent with its own tool set."""
import os

from langchain.chat_models import init_chat_model
from langgraph.prebuilt import create_react_agent

from deskagent.tools.cms import publish_post
from deskagent.tools.warehouse import EXECUTOR_TOOLS
from deskagent.tools.web import RESEARCH_TOOLS

model = init_chat_model(os.getenv("DESK_MODEL", "openai:gpt-4.1"))

researcher = create_react_agent(
    model,
    RESEARCH_TOOLS,
    prompt="You are a research analyst. Search the web, read primary sources and report facts with URLs.",
    name="researcher",
)

executor = create_react_agent(
    model,
    EXECUTOR_TOOLS,
    prompt=(
        "You are the data engineer. Turn the research notes in the conversation into warehouse changes: "
        "create or update tables with run_sql and store each finding with record_finding."
    ),
    name="executor",
)

publisher = create_react_agent(
    model,
    [publish_post],
    prompt="You publish the final brief to the knowledge base exactly as approved.",
    name="publisher",
)
