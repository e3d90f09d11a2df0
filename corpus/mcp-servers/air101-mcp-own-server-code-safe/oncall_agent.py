# case: the on-call agent with human approval on the ops server's tools that act, named as the
# server's code names them (`restart_service`, `clear_logs`), and a checkpointer to pause on.
import asyncio

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langchain_community.document_loaders import WebBaseLoader
from langchain_mcp_adapters.client import MultiServerMCPClient
from langgraph.checkpoint.memory import InMemorySaver

client = MultiServerMCPClient(
    {
        "ops": {
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
    agent = create_agent(
        "openai:gpt-4.1",
        tools=[vendor_status, *tools],
        middleware=[
            HumanInTheLoopMiddleware(
                interrupt_on={"restart_service": True, "clear_logs": True, "service_status": False}
            )
        ],
        checkpointer=InMemorySaver(),
    )
    config = {"configurable": {"thread_id": "oncall"}}
    await agent.ainvoke({"messages": [{"role": "user", "content": "Is the payments vendor down?"}]}, config)


if __name__ == "__main__":
    asyncio.run(main())
