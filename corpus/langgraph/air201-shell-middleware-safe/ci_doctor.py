# case: Same CI-fixing agent, but ShellToolMiddleware runs with DockerExecutionPolicy (no network, read-only root, resource limits), so model-written commands execute in a throwaway container, not on the host.
from langchain.agents import create_agent
from langchain.agents.middleware import DockerExecutionPolicy, ShellToolMiddleware
from langgraph.checkpoint.memory import InMemorySaver

shell = ShellToolMiddleware(
    workspace_root="/srv/ci/workspace",
    startup_commands=["source .venv/bin/activate"],
    execution_policy=DockerExecutionPolicy(
        image="python:3.12-slim",
        network_enabled=False,
        read_only_rootfs=True,
        memory_bytes=2 * 1024**3,
        command_timeout=120.0,
    ),
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
