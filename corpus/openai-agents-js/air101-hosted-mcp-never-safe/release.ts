// case: AIR101 safe. The same release assistant with `requireApproval: "always"` on the hosted
// GitHub MCP tool: every call OpenAI's servers would make waits for a person.
import { Agent, hostedMcpTool, run, webSearchTool } from "@openai/agents";

const github = hostedMcpTool({
  serverLabel: "github",
  serverUrl: "https://api.githubcopilot.com/mcp/",
  requireApproval: "always",
});

export const releaseBot = new Agent({
  name: "Release assistant",
  instructions: "Read the upstream changelogs and prepare the dependency bump pull request.",
  tools: [webSearchTool(), github],
});

const result = await run(releaseBot, "Bump our pinned dependencies.");
console.log(result.finalOutput);
