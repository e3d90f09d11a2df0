# case: the release bot with a pause before every tool call and a checkpointer, so a person
# approves each git operation the model asks for.
import asyncio

from langchain_community.tools import DuckDuckGoSearchRun
from langchain_mcp_adapters.tools import load_mcp_tools
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.prebuilt import create_react_agent
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def run(question: str) -> str:
    params = StdioServerParameters(
        command="uvx",
        args=["mcp-server-git==2025.7.1", "--repository", "/srv/release/checkout"],
    )
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            git_tools = await load_mcp_tools(session)
            agent = create_react_agent(
                "openai:gpt-4.1",
                [DuckDuckGoSearchRun(), *git_tools],
                interrupt_before=["tools"],
                checkpointer=InMemorySaver(),
            )
            config = {"configurable": {"thread_id": "release"}}
            out = await agent.ainvoke({"messages": [("user", question)]}, config)
            return out["messages"][-1].content


if __name__ == "__main__":
    print(asyncio.run(run("Are there advisories for our pinned dependencies?")))
