// case: AIR101 vulnerable. A release assistant searches the web for upstream changelogs and holds
// GitHub's remote MCP server as a hosted tool (`hostedMcpTool({ serverLabel, serverUrl })`).
// Without `requireApproval` the JavaScript SDK sends `'never'` (Python's `HostedMCPTool` leaves it
// to the Responses API, which asks): OpenAI's servers call its tools (push, open and merge pull
// requests) as the model decides, and a web page can steer them.
import { Agent, hostedMcpTool, run, webSearchTool } from "@openai/agents";

const github = hostedMcpTool({ // expect: AIR101
  serverLabel: "github",
  serverUrl: "https://api.githubcopilot.com/mcp/",
});

export const releaseBot = new Agent({
  name: "Release assistant",
  instructions: "Read the upstream changelogs and prepare the dependency bump pull request.",
  tools: [webSearchTool(), github],
});

const result = await run(releaseBot, "Bump our pinned dependencies.");
console.log(result.finalOutput);
