from agents import Agent, ModelSettings, WebSearchTool

from .config import cfg
from .tools import publish_post, send_digest, write_report

RESEARCH_PROMPT = """You are a research analyst. Use web search to collect recent, well-sourced
facts on the topic. Keep a list of sources with URLs. Send a digest to the requester if they
ask for one. When your notes are complete, hand off to the Writer."""

WRITER_PROMPT = """You turn research notes into a clear markdown report with an executive summary,
key findings and a sources section. Save it with write_report."""


def make_writer() -> Agent:
    return Agent(
        name="Writer",
        handoff_description="Writes and saves the final markdown report from research notes.",
        instructions=WRITER_PROMPT,
        model=cfg.model,
        tools=[write_report],
    )


def make_publisher() -> Agent:
    return Agent(
        name="Publisher",
        instructions="Format the given article for the blog and publish it.",
        model=cfg.model,
        tools=[publish_post],
    )


def make_researcher() -> Agent:
    writer = make_writer()
    publisher = make_publisher()
    return Agent(
        name="Researcher",
        instructions=RESEARCH_PROMPT,
        model=cfg.model,
        model_settings=ModelSettings(temperature=0.2),
        tools=[
            WebSearchTool(search_context_size="high"),
            send_digest,
            publisher.as_tool(
                tool_name="publish_to_blog",
                tool_description="Publish a finished article on the company blog.",
                needs_approval=True,
            ),
        ],
        handoffs=[writer],
    )
