# case: The same team; the operations agent pauses before every tool call (`interrupt_before=["tools"]`, resumable through the supervisor's checkpointer), which covers whatever tools the plugins hold.
import importlib

from langchain.agents import create_agent
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver
from langgraph_supervisor import create_supervisor

OPS_PLUGINS = ["ops_plugins.accounts", "ops_plugins.billing"]


def load_plugin_tools(names):
    tools = []
    for name in names:
        tools.extend(getattr(importlib.import_module(name), "TOOLS"))
    return tools


research = create_agent("openai:gpt-4.1", tools=[TavilySearch()], name="research")
operations = create_agent(
    "openai:gpt-4.1",
    tools=load_plugin_tools(OPS_PLUGINS),
    name="operations",
    interrupt_before=["tools"],
)

app = create_supervisor([research, operations], model="openai:gpt-4.1").compile(checkpointer=InMemorySaver())
