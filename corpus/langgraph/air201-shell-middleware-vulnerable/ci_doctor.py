# case: A CI-fixing agent gets its only tool from ShellToolMiddleware with HostExecutionPolicy, a persistent bash session on the build host (tools=[] hides it from a naive reader).
from langchain.agents import create_agent
from langchain.agents.middleware import HostExecutionPolicy, ShellToolMiddleware
from langgraph.checkpoint.memory import InMemorySaver

shell = ShellToolMiddleware(  # expect: AIR201
    workspace_root="/srv/ci/workspace",
    startup_commands=["source .venv/bin/activate"],
    execution_policy=HostExecutionPolicy(command_timeout=120.0),
)

ci_doctor = create_agent(
    "anthropic:claude-sonnet-4-5",
    tools=[],
    system_prompt="Run the test suite, find why it fails and propose a minimal patch.",
    middleware=[shell],
    checkpointer=InMemorySaver(),
)


def nightly() -> str:
    config = {"configurable": {"thread_id": "nightly-ci"}}
    result = ci_doctor.invoke({"messages": [("user", "The nightly build is red. Diagnose it.")]}, config)
    return result["messages"][-1].content
