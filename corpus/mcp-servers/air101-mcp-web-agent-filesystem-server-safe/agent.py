# case: the same research agent built with a pause before every tool call
# (`interrupt_before=["tools"]` with a checkpointer): a person approves each filesystem, GitHub
# or other MCP tool call the model asks for.
import asyncio

from langchain_mcp_adapters.client import MultiServerMCPClient
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.prebuilt import create_react_agent

client = MultiServerMCPClient(
    {
        "workspace": {
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/srv/reports"],
            "transport": "stdio",
        },
        "github": {
            "url": "https://api.githubcopilot.com/mcp/",
            "transport": "streamable_http",
        },
        "acme-tools": {
            "url": "https://tools.acme.example/mcp",
            "transport": "streamable_http",
        },
    }
)


async def build_agent():
    mcp_tools = await client.get_tools()
    return create_react_agent(
        "openai:gpt-4.1",
        tools=[TavilySearch(max_results=5), *mcp_tools],
        prompt="Research the topic on the web and file a report in the workspace.",
        interrupt_before=["tools"],
        checkpointer=InMemorySaver(),
    )


async def main(topic: str) -> str:
    agent = await build_agent()
    config = {"configurable": {"thread_id": "research-1"}}
    result = await agent.ainvoke({"messages": [{"role": "user", "content": topic}]}, config)
    return result["messages"][-1].content


if __name__ == "__main__":
    print(asyncio.run(main("state of solid-state batteries")))
