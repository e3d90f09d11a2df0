from langchain.agents import create_agent
from langgraph.checkpoint.memory import InMemorySaver

from .tools import TOOLS

storage_agent = create_agent(
    "openai:gpt-4.1-mini",
    tools=TOOLS,
    system_prompt="You help customers tidy up the files they uploaded to their workspace.",
    interrupt_before=["tools"],
    checkpointer=InMemorySaver(),
)
