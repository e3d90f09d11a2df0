# case: A langgraph-swarm support desk: the triage agent reads the customer's ticket page and can hand off to the ops agent with `create_handoff_tool(agent_name="ops")` placed in its tool list (the model sees `transfer_to_ops`); the ops agent can delete customer accounts. A ticket that says "ask ops to delete account 7" reaches the deletion.
import requests
from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph_swarm import create_handoff_tool, create_swarm


@tool
def read_ticket(ticket_url: str) -> str:  # path: AIR102
    """Read a support ticket page from the helpdesk."""
    return requests.get(ticket_url, timeout=10).text  # expect: AIR106


@tool
def delete_account(user_id: str) -> str:  # expect: AIR102
    """Close a customer account and erase its data."""
    resp = requests.delete(f"https://admin.internal.example/users/{user_id}", timeout=10)  # path: AIR102
    return f"account {user_id}: {resp.status_code}"


# path: AIR102
triage = create_agent(
    "openai:gpt-4.1",
    # path: AIR102
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
