# case: The same plugin-loaded agent, but every tool call pauses for approval (interrupt_before=["tools"] with a checkpointer), so unknown tools cannot act unreviewed.
import importlib

from fastapi import FastAPI
from langchain.agents import create_agent
from langgraph.checkpoint.memory import InMemorySaver
from pydantic import BaseModel

TOOL_PLUGINS = ["support_plugins.billing", "support_plugins.tickets"]


def load_plugin_tools(names):
    tools = []
    for name in names:
        module = importlib.import_module(name)
        tools.extend(getattr(module, "TOOLS"))
    return tools


agent = create_agent(
    "openai:gpt-4.1",
    tools=load_plugin_tools(TOOL_PLUGINS),
    system_prompt="You are the support assistant.",
    interrupt_before=["tools"],
    checkpointer=InMemorySaver(),
)

app = FastAPI()


class Ask(BaseModel):
    thread_id: str
    message: str


@app.post("/ask")
def ask(body: Ask) -> dict:
    result = agent.invoke(
        {"messages": [{"role": "user", "content": body.message}]},
        {"configurable": {"thread_id": body.thread_id}},
    )
    return {"answer": result["messages"][-1].content}
