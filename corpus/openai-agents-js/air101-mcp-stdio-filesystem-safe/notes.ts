// case: AIR101 safe. The same notes agent without web search: it only tidies the notes folder
// from a fixed prompt, so nothing untrusted steers the filesystem server (`MCPServerStdio` with
// `command`/`args`).
import { Agent, MCPServerStdio, run } from "@openai/agents";

const notes = new MCPServerStdio({
  name: "notes",
  command: "npx",
  args: ["-y", "@modelcontextprotocol/server-filesystem", "./notes"],
});
await notes.connect();

export const notesAgent = new Agent({
  name: "Notes",
  instructions: "Tidy the notes folder: merge duplicates, fix headings.",
  mcpServers: [notes],
});

await run(notesAgent, "Tidy up.");
await notes.close();
