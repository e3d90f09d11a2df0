"""Triage: classifies incoming questions, looking things up on the web."""

from langchain.agents import create_agent
from langchain_tavily import TavilySearch

from desk.tools import search_kb

triage = create_agent(
    "openai:gpt-4.1",
    tools=[search_kb, TavilySearch(max_results=3)],
    system_prompt="Classify the customer's question; search the knowledge base and the web.",
    name="triage",
)
