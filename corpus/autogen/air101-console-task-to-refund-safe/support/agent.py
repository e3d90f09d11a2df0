"""The support assistant, built by a factory with its tool list from the tools module."""
from autogen_agentchat.agents import AssistantAgent
from autogen_ext.models.openai import OpenAIChatCompletionClient

from support.tools import SUPPORT_TOOLS as toolbox


def build_assistant(model: str) -> AssistantAgent:
    client = OpenAIChatCompletionClient(model=model)
    return AssistantAgent(
        "support",
        model_client=client,
        tools=toolbox,
        system_message="Resolve the customer's ticket.",
        reflect_on_tool_use=True,
    )
