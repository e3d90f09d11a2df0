import asyncio

from autogen_agentchat.agents import AssistantAgent
from autogen_core.tools import FunctionTool
from autogen_ext.models.openai import OpenAIChatCompletionClient

from repo_assistant import git_ops

history_tool = FunctionTool(
    git_ops.recent_commits,
    description="List recent commits of a branch",
    name="history",
)

assistant = AssistantAgent(
    "repo_assistant",
    model_client=OpenAIChatCompletionClient(model="gpt-4o-mini"),
    tools=[history_tool],
)

if __name__ == "__main__":
    asyncio.run(assistant.run(task="What changed on main this week?"))
