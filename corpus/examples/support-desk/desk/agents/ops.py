"""Ops: restarts services when customers report outages."""

from langchain_tavily import TavilySearch
from langgraph.prebuilt import create_react_agent

from desk.tools import restart_service

ops = create_react_agent(
    "openai:gpt-4.1",
    tools=[TavilySearch(max_results=3), restart_service],
    prompt="When a customer reports an outage, check the status pages and restart the service.",
    name="ops",
)
