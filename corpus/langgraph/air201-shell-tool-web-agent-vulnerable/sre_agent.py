# case: An SRE helper registers Tavily search and ShellTool in a {t.name: t} registry and hands list(REGISTRY.values()) to create_agent, so model-written shell commands run on the host, steerable by search results.
from langchain.agents import create_agent
from langchain_community.tools import ShellTool
from langchain_tavily import TavilySearch

REGISTRY = {
    t.name: t
    for t in [
        TavilySearch(max_results=5, topic="general"),
        ShellTool(),  # expect: AIR101, AIR201
    ]
}

sre_agent = create_agent(
    "openai:gpt-4.1",
    tools=list(REGISTRY.values()),
    system_prompt=(
        "You are an on-call assistant. Search the web for known issues with the failing "
        "component, then inspect the machine to diagnose the incident."
    ),
)
