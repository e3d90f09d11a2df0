# case: an OpenAI Agents SDK triage agent with the hosted web search tool and the reference
# filesystem server over stdio (`MCPServerStdio`, no `require_approval`): a web page can make it
# write or delete files. airlock links `MCPServerStdio` to the filesystem server's capabilities
# and the agent's `mcp_servers=[fs]` holds its tools. Web results, private files and a way to
# write them out sit in one agent (AIR103).
import asyncio

from agents import Agent, Runner, WebSearchTool
from agents.mcp import MCPServerStdio


async def main() -> None:
    async with MCPServerStdio(  # expect: AIR101
        name="workspace",
        params={
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/srv/triage"],
        },
    ) as fs:
        agent = Agent(  # expect: AIR103
            name="triage",
            instructions="Look up each report on the web and file a summary in the workspace.",
            tools=[WebSearchTool()],
            mcp_servers=[fs],
        )
        result = await Runner.run(agent, "Triage the new crash reports.")
        print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
