# case: A supervisor routes between a web researcher and an operations agent whose tools are loaded from plugins named in settings. airlock cannot see which tools those are, so what the researcher reads reaching the operations agent is reported as possibly privileged, at low confidence, not ignored (frameworks.md §0.3).
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


research = create_agent("openai:gpt-4.1", tools=[TavilySearch()], name="research")  # path: AIR102
# expect: AIR102
operations = create_agent("openai:gpt-4.1", tools=load_plugin_tools(OPS_PLUGINS), name="operations")

app = create_supervisor([research, operations], model="openai:gpt-4.1").compile(checkpointer=InMemorySaver())  # path: AIR102
