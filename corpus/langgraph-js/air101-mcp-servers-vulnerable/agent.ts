// case: AIR101 vulnerable. `MultiServerMCPClient` from `@langchain/mcp-adapters` (servers under
// `mcpServers`, beside client options) loads GitHub and filesystem MCP tools into one agent with
// web search and no approval: each server is linked to its capabilities (frameworks.md §2.3).
import { MultiServerMCPClient } from "@langchain/mcp-adapters";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { TavilySearch } from "@langchain/tavily";

const client = new MultiServerMCPClient({
  throwOnLoadError: true,
  mcpServers: {
    github: { command: "npx", args: ["-y", "@modelcontextprotocol/server-github"] }, // expect: AIR101
    fs: { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "/data"] }, // expect: AIR101
  },
});

const tools = await client.getTools();

// expect: AIR103
export const agent = createReactAgent({
  llm: new ChatOpenAI({ model: "gpt-4.1" }),
  tools: [...tools, new TavilySearch()],
});
