"""Billing: answers charge disputes; refunds need a human's approval."""

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver

from desk.tools import lookup_charge, refund

billing = create_agent(
    "openai:gpt-4.1",
    tools=[TavilySearch(max_results=3), lookup_charge, refund],
    system_prompt="Resolve charge disputes; check the merchant's policy on the web first.",
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"refund": True})],
    checkpointer=InMemorySaver(),
    name="billing",
)
