# case: an on-call agent that reads the public status page of a vendor and connects to the
# team's own ops MCP server (servers/ops_server.py, in this project). airlock reads that server's
# code: its tools restart services and delete logs, so what the status page says can make the
# agent restart production with no person asking.
import asyncio

from langchain.agents import create_agent
from langchain.tools import tool
from langchain_community.document_loaders import WebBaseLoader
from langchain_mcp_adapters.client import MultiServerMCPClient

client = MultiServerMCPClient(
    {
        "ops": {  # expect: AIR101
            "command": "python",
            "args": ["servers/ops_server.py"],
            "transport": "stdio",
        }
    }
)


@tool
def vendor_status(url: str) -> str:
    """Read a vendor's status page."""
    return WebBaseLoader(url).load()[0].page_content


async def main() -> None:
    tools = await client.get_tools()
    agent = create_agent("openai:gpt-4.1", tools=[vendor_status, *tools])
    await agent.ainvoke({"messages": [{"role": "user", "content": "Is the payments vendor down?"}]})


if __name__ == "__main__":
    asyncio.run(main())
