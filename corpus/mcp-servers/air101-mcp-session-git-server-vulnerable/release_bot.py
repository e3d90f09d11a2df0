# case: a release bot that searches the web for upstream advisories and opens its own MCP
# session to the reference git server (`uvx mcp-server-git`, pinned) with the client SDK, then
# hands the session's tools to a prebuilt agent with no pause: an advisory page can make it
# commit and reset the repository.
import asyncio

from langchain_community.tools import DuckDuckGoSearchRun
from langchain_mcp_adapters.tools import load_mcp_tools
from langgraph.prebuilt import create_react_agent
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def run(question: str) -> str:
    params = StdioServerParameters(  # expect: AIR101
        command="uvx",
        args=["mcp-server-git==2025.7.1", "--repository", "/srv/release/checkout"],
    )
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            git_tools = await load_mcp_tools(session)
            # The git server reads the private checkout and can push it (AIR103).
            # expect: AIR103
            agent = create_react_agent("openai:gpt-4.1", [DuckDuckGoSearchRun(), *git_tools])
            out = await agent.ainvoke({"messages": [("user", question)]})
            return out["messages"][-1].content


if __name__ == "__main__":
    print(asyncio.run(run("Are there advisories for our pinned dependencies?")))
