// case: a repository MCP server on the SDK's low-level `Server`: one `CallToolRequestSchema`
// handler dispatches on `request.params.name` and reads the model's arguments from
// `request.params.arguments`; the `git_log` branch hands the model's ref to a shell helper in
// another file, which interpolates it into an `execSync` command line.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { gitLog, gitStatus } from "./git.js";

const server = new Server({ name: "repo", version: "0.3.1" }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    { name: "git_log", description: "Show the history of a ref", inputSchema: { type: "object", properties: { ref: { type: "string" } } } }, // expect: AIR306
    { name: "git_status", description: "Show the working tree status", inputSchema: { type: "object", properties: {} } },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = request.params.arguments ?? {};
  switch (request.params.name) {
    case "git_log": {
      const ref = String(args.ref ?? "HEAD");
      return { content: [{ type: "text", text: gitLog(ref) }] };
    }
    case "git_status":
      return { content: [{ type: "text", text: gitStatus() }] };
    default:
      throw new Error(`unknown tool ${request.params.name}`);
  }
});

await server.connect(new StdioServerTransport());
