# case: The same hook, comparing context.tool_name with the sanitised name CrewAI passes, so it blocks account deletion.
import os

import psycopg
from crewai import Agent, Crew, Task
from crewai.tools import tool

import ops.hooks  # noqa: F401


@tool("Delete user account")
def delete_user_account(user_id: int) -> str:
    """Delete a user and all their data."""
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        conn.execute("DELETE FROM users WHERE id = %s", (user_id,))
    return "deleted"


admin = Agent(
    role="Account Administrator",
    goal="Handle account closure requests from the queue",
    backstory="You close accounts when users ask.",
    tools=[delete_user_account],
)

crew = Crew(
    agents=[admin],
    tasks=[Task(description="Close the accounts in the queue.", expected_output="Closed ids.", agent=admin)],
)
