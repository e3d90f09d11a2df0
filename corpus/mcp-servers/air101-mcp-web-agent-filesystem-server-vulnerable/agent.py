# case: a research agent that searches the web and also loads the tools of three MCP servers
# through LangChain's MultiServerMCPClient: the reference filesystem server (writes and deletes
# files), GitHub's remote server (pushes, opens pull requests), and a remote server airlock
# knows nothing about (possibly privileged, reported at low confidence). Nothing asks a person
# before those tools run, so a web page can steer them.
import asyncio

from langchain.agents import create_agent
from langchain_mcp_adapters.client import MultiServerMCPClient
from langchain_tavily import TavilySearch

client = MultiServerMCPClient(
    {
        "workspace": {  # expect: AIR101
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/srv/reports"],
            "transport": "stdio",
        },
        "github": {  # expect: AIR101
            "url": "https://api.githubcopilot.com/mcp/",
            "transport": "streamable_http",
        },
        "acme-tools": {  # expect: AIR101
            "url": "https://tools.acme.example/mcp",
            "transport": "streamable_http",
        },
    }
)


async def build_agent():
    mcp_tools = await client.get_tools()
    # Private files, the web and a way out (GitHub, the workspace) in one agent (AIR103).
    return create_agent(  # expect: AIR103
        "openai:gpt-4.1",
        tools=[TavilySearch(max_results=5), *mcp_tools],
        system_prompt="Research the topic on the web and file a report in the workspace.",
    )


async def main(topic: str) -> str:
    agent = await build_agent()
    result = await agent.ainvoke({"messages": [{"role": "user", "content": topic}]})
    return result["messages"][-1].content


if __name__ == "__main__":
    print(asyncio.run(main("state of solid-state batteries")))
