from pathlib import Path

from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent
from autogen_agentchat.conditions import MaxMessageTermination, TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat, SelectorGroupChat
from autogen_core.tools import FunctionTool
from autogen_ext.code_executors.docker import DockerCommandLineCodeExecutor
from autogen_ext.code_executors.local import LocalCommandLineCodeExecutor
from autogen_ext.models.openai import OpenAIChatCompletionClient

from .tools import fetch_url, post_status_update, query_metrics

DONE = TextMentionTermination("RESOLVED") | MaxMessageTermination(30)


def make_client(model: str = "gpt-4o") -> OpenAIChatCompletionClient:
    return OpenAIChatCompletionClient(model=model)


def build_incident_team(client: OpenAIChatCompletionClient) -> SelectorGroupChat:
    researcher = AssistantAgent(
        "researcher",
        model_client=client,
        tools=[fetch_url],
        system_message="Read vendor status pages and public reports linked in the incident.",
    )
    sre = AssistantAgent(
        "sre",
        model_client=client,
        tools=[query_metrics],
        system_message="Check our metrics to confirm impact. Say RESOLVED when metrics recover.",
    )
    comms = AssistantAgent(
        "comms",
        model_client=client,
        tools=[FunctionTool(post_status_update, description="Update the public status page.")],
        system_message="Keep customers informed with short, factual status page updates.",
    )
    return SelectorGroupChat(
        [researcher, sre, comms],
        model_client=client,
        termination_condition=DONE,
        allow_repeated_speaker=False,
    )


def build_scratch_team(client: OpenAIChatCompletionClient, work_dir: str = "scratch") -> RoundRobinGroupChat:
    """Quick local analysis: the coder writes scripts, the runner executes them here."""
    Path(work_dir).mkdir(exist_ok=True)
    executor = LocalCommandLineCodeExecutor(work_dir=work_dir, timeout=120)
    coder = AssistantAgent(
        "coder",
        model_client=client,
        system_message="Write Python in ```python blocks to analyse the data. Say RESOLVED when done.",
    )
    runner = CodeExecutorAgent("runner", code_executor=executor)
    return RoundRobinGroupChat([coder, runner], termination_condition=DONE)


def build_ci_team(client: OpenAIChatCompletionClient, work_dir: str = "/tmp/ci-analysis") -> RoundRobinGroupChat:
    """Same pair, used from CI: code runs in a throwaway container."""
    executor = DockerCommandLineCodeExecutor(image="python:3.12-slim", work_dir=work_dir, timeout=300)
    coder = AssistantAgent(
        "coder",
        model_client=client,
        system_message="Write Python in ```python blocks to analyse the data. Say RESOLVED when done.",
    )
    runner = CodeExecutorAgent("runner", code_executor=executor)
    return RoundRobinGroupChat([coder, runner], termination_condition=DONE)
