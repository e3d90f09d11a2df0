# case: the triage agent with `require_approval="always"` on the filesystem server: the SDK asks
# before every call to its tools.
import asyncio

from agents import Agent, Runner, WebSearchTool
from agents.mcp import MCPServerStdio


async def main() -> None:
    async with MCPServerStdio(
        name="workspace",
        params={
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/srv/triage"],
        },
        require_approval="always",
    ) as fs:
        agent = Agent(
            name="triage",
            instructions="Look up each report on the web and file a summary in the workspace.",
            tools=[WebSearchTool()],
            mcp_servers=[fs],
        )
        result = await Runner.run(agent, "Triage the new crash reports.")
        print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
