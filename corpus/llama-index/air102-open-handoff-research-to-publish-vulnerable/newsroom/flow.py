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
)
publisher = FunctionAgent(
    name="publisher",
    description="Writes the final post and publishes it.",
    system_prompt="Turn the notes into a post and publish it.",
    llm=llm,
    tools=[publish_post],
)
desk = AgentWorkflow(agents=[researcher, publisher], root_agent="researcher")


async def main() -> None:
    await desk.run(user_msg="Write up the council meeting from the linked minutes.")


if __name__ == "__main__":
    asyncio.run(main())
