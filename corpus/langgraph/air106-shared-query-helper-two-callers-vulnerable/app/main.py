from langchain.agents import create_agent

from app.agent_tools import count_open_tickets, tickets_by_tag

agent = create_agent("openai:gpt-4.1", tools=[count_open_tickets, tickets_by_tag])
