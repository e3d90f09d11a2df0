"""A writer/executor pair: the assistant writes Python, the executor agent runs it."""
import asyncio

from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent
from autogen_agentchat.conditions import TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_ext.models.openai import OpenAIChatCompletionClient

from runtime import code_runtime

client = OpenAIChatCompletionClient(model="gpt-4o")
writer = AssistantAgent("writer", model_client=client, system_message="Write Python to answer.")
runner = CodeExecutorAgent(
    "runner",
    code_executor=code_runtime(),  # expect: AIR201
)
team = RoundRobinGroupChat([writer, runner], termination_condition=TextMentionTermination("DONE"))

if __name__ == "__main__":
    asyncio.run(team.run(task="Plot last quarter's signups from signups.csv"))
