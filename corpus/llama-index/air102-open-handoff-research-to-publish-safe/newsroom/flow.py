import asyncio

from llama_index.core.agent.workflow import AgentWorkflow, FunctionAgent
from llama_index.llms.anthropic import Anthropic

from newsroom.tools import publish_post, read_sources

llm = Anthropic(model="claude-sonnet-4-5")

researcher = FunctionAgent(
    name="researcher",
    description="Collects facts from the source pages.",
    system_prompt="Read the sources and write notes, then hand off.",
    llm=llm,
    tools=[read_sources],
    # Notes from the web go to the editor only; the editor decides what the publisher gets.
    can_handoff_to=["editor"],
)
editor = FunctionAgent(
    name="editor",
    description="Checks the notes against the minutes.",
    system_prompt="Check every claim; send unsupported ones back to the researcher.",
    llm=llm,
    tools=[],
    can_handoff_to=["researcher"],
)
publisher = FunctionAgent(
    name="publisher",
    description="Writes the final post and publishes it.",
    system_prompt="Turn the notes into a post and publish it.",
    llm=llm,
    tools=[publish_post],
    can_handoff_to=[],
)
desk = AgentWorkflow(agents=[researcher, editor, publisher], root_agent="researcher")


async def main() -> None:
    await desk.run(user_msg="Write up the council meeting from the linked minutes.")


if __name__ == "__main__":
    asyncio.run(main())
