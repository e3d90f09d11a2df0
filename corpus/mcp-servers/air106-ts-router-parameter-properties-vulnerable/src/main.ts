// case: a low-level MCP server whose CallTool handler lives in a router class; the router and
// its services receive their collaborators through TypeScript constructor parameter properties
// (`private readonly stock: StockService`), so `this.stock` is only ever assigned implicitly.
// The stock service splices the model's free-form filter into the SQL it prepares, and the
// report service writes to a file name the model picks.
import Database from "better-sqlite3";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { StockService } from "./services/StockService";
import { ReportService } from "./services/ReportService";
import { Router } from "./routing/Router";

async function start(): Promise<void> {
  const db = new Database(process.env.WAREHOUSE_DB ?? "warehouse.db", { readonly: false });
  const stock = new StockService(db);
  const reports = new ReportService(stock, process.env.REPORT_DIR ?? "/var/reports");
  const server = new Server({ name: "warehouse", version: "0.3.0" }, { capabilities: { tools: {} } });
  new Router(server, stock, reports).install();
  await server.connect(new StdioServerTransport());
}

start().catch((e) => {
  console.error(e);
  process.exit(1);
});
