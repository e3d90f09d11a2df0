// case: a reporting MCP server whose database adapter is made by a factory when the server
// starts and kept in a module `let` of the db module (`adapter = createAdapter(...)` inside
// `initDatabase`); the query helper reads that variable. The `run_report` tool puts the model's
// filter into the SQL it runs.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { initDatabase, queryAll } from "./db/index.js";

const server = new McpServer({ name: "reports", version: "1.2.0" });

server.registerTool(
  "run_report",
  {
    description: "Run the monthly sales report with an optional filter",
    inputSchema: { region: z.string() },
  },
  async ({ region }) => {
    const rows = await queryAll(`SELECT month, total FROM sales WHERE region = '${region}'`); // expect: AIR106
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
  },
);

async function main() {
  await initDatabase(process.env.DB_KIND ?? "postgres", process.env.DATABASE_URL ?? "");
  await server.connect(new StdioServerTransport());
}

main();
