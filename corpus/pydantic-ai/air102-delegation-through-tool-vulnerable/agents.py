# case: AIR102 — a research agent reads the web and delegates clean-up work by calling the
# ops agent inside one of its tools (Pydantic AI's agent delegation).
import os
import shutil

from pydantic_ai import Agent, RunContext, Tool
from pydantic_ai.common_tools.duckduckgo import duckduckgo_search_tool


def purge_cache_dir(name: str) -> str:  # expect: AIR102
    """Delete a cache folder by name."""
    shutil.rmtree(os.path.join("/srv/cache", os.path.basename(name)))  # path: AIR102
    return "purged"


ops_agent = Agent(
    "openai:gpt-4o",
    name="ops",
    tools=[Tool(purge_cache_dir, takes_ctx=False)],
)

research_agent = Agent(
    "openai:gpt-4o",
    name="research",
    tools=[duckduckgo_search_tool()],  # path: AIR102
)


@research_agent.tool
async def ask_ops(ctx: RunContext[None], request: str) -> str:
    """Ask the operations agent to do something."""
    result = await ops_agent.run(request, usage=ctx.usage)  # path: AIR102
    return str(result.output)


if __name__ == "__main__":
    print(research_agent.run_sync("Find stale caches mentioned in today's status posts").output)
