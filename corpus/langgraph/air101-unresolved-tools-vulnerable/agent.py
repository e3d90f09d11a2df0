# case: A support API whose agent loads its tools from plugins named in settings; airlock cannot see which tools those are, so user input reaching them is reported as possibly privileged (low confidence) rather than ignored.
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


agent = create_agent(  # expect: AIR101
    "openai:gpt-4.1",
    tools=load_plugin_tools(TOOL_PLUGINS),
    system_prompt="You are the support assistant.",
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
