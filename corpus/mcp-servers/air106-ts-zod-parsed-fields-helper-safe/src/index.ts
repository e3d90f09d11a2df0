// case: AIR106 (safe) — a low-level MCP server dispatches each call to a tool record's
// `execute`. The report tool validates its arguments itself with the zod schema it declares
// (`ReportArgs.safeParse(params)`, leaving on failure) and hands `parsed.data` to a helper,
// which forwards it to the helper that builds the SQL. Only the `sortBy` (`z.enum`) and
// `minRows` (`z.number()`) fields reach the query text; `account` is a bound parameter. A
// helper's finding names the fields of its parameter that reach the sink, and the caller
// judges them by what it knows of those fields (`InjectionHit::fields`).
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
