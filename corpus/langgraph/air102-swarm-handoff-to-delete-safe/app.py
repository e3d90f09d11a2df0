# case: The same swarm; `delete_account` asks a person with `interrupt()` before it deletes anything (the swarm's checkpointer makes the pause resumable), so a ticket cannot delete accounts unreviewed.
import requests
from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import interrupt
from langgraph_swarm import create_handoff_tool, create_swarm


@tool
def read_ticket(ticket_url: str) -> str:
    """Read a support ticket page from the helpdesk."""
    return requests.get(ticket_url, timeout=10).text  # expect: AIR106


@tool
def delete_account(user_id: str) -> str:
    """Close a customer account and erase its data."""
    if interrupt({"delete_account": user_id}) != "approve":
        return "operator declined"
    resp = requests.delete(f"https://admin.internal.example/users/{user_id}", timeout=10)
    return f"account {user_id}: {resp.status_code}"


triage = create_agent(
    "openai:gpt-4.1",
  
    tools=[read_ticket, create_handoff_tool(agent_name="ops", description="Escalate to operations.")],
    name="triage",
    system_prompt="Read the ticket and escalate account problems to ops.",
)
ops = create_agent(
    "openai:gpt-4.1",
    tools=[delete_account, create_handoff_tool(agent_name="triage")],
    name="ops",
    system_prompt="Handle account closures.",
)

app = create_swarm([triage, ops], default_active_agent="triage").compile(checkpointer=InMemorySaver())

if __name__ == "__main__":
    import sys

    print(app.invoke({"messages": [{"role": "user", "content": sys.argv[1]}]}))
