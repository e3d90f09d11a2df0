// case: AIR101 vulnerable. A notes agent holds the filesystem MCP server over stdio
// (`new MCPServerStdio({ name, fullCommand })`, linked by `mcp_link` to
// `@modelcontextprotocol/server-filesystem`: it writes, moves and deletes files) and also
// searches the web: a page can steer the file writes. The JavaScript SDK's local MCP servers have
// no approval setting. (Web search, the notes' contents and file writes in one agent: AIR103 too.)
import { Agent, MCPServerStdio, run, webSearchTool } from "@openai/agents";

const notes = new MCPServerStdio({ // expect: AIR101
  name: "notes",
  fullCommand: "npx -y @modelcontextprotocol/server-filesystem ./notes",
});
await notes.connect();

export const notesAgent = new Agent({ // expect: AIR103
  name: "Notes",
  instructions: "Research the topic on the web and file what you learn in the notes folder.",
  tools: [webSearchTool()], // path: AIR101
  mcpServers: [notes],
});

await run(notesAgent, "Research the new TLS guidance.");
await notes.close();
