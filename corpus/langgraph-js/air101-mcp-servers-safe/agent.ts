// case: AIR101 safe. The same MCP tools; the agent pauses before every tool call
// (`interruptBefore: ["tools"]` with a checkpointer), which also breaks the trifecta's
// unguarded exfiltration.
import { MultiServerMCPClient } from "@langchain/mcp-adapters";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { TavilySearch } from "@langchain/tavily";
import { MemorySaver } from "@langchain/langgraph";

const client = new MultiServerMCPClient({
  throwOnLoadError: true,
  mcpServers: {
    github: { command: "npx", args: ["-y", "@modelcontextprotocol/server-github"] },
    fs: { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "/data"] },
  },
});

const tools = await client.getTools();

export const agent = createReactAgent({
  llm: new ChatOpenAI({ model: "gpt-4.1" }),
  tools: [...tools, new TavilySearch()],
  interruptBefore: ["tools"],
  checkpointSaver: new MemorySaver(),
});
