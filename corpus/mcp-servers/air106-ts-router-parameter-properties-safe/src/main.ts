// case: the same router and services as the vulnerable case; the filter takes a column from a
// fixed set and a bound value, and the report name must resolve to a file inside the report
// directory, checked after the path is resolved.
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
