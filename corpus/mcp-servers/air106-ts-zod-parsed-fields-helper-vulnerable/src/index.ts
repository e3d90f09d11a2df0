// case: AIR106 (vulnerable) — the same ledger server, but the report's `sortBy` is declared
// `z.string()`: the schema admits any text, and the helper puts it after `ORDER BY`
// (`balance; DELETE FROM ledger` on a driver that runs several statements).
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { reportTool } from "./tools/report.js";

const tools = [reportTool];

const server = new Server({ name: "ledger-insights", version: "2.1.0" }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: tools.map((t) => ({ name: t.name, description: t.description })),
}));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const tool = tools.find((t) => t.name === request.params.name);
  if (!tool) {
    throw new Error(`unknown tool ${request.params.name}`);
  }
  return tool.execute(request.params.arguments ?? {});
});

await server.connect(new StdioServerTransport());
