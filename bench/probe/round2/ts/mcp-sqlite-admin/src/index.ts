import Database from "better-sqlite3";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import * as path from "path";
import { ExportService } from "./services/ExportService";
import { QueryService } from "./services/QueryService";
import { ToolRouter } from "./tools/ToolRouter";

async function main() {
  const dbPath = process.env.SHOPFLOOR_DB ?? path.resolve(__dirname, "../data/shopfloor.db");
  const exportDir = process.env.EXPORT_DIR ?? path.resolve(__dirname, "../exports");

  const db = new Database(dbPath, { fileMustExist: true });
  db.pragma("journal_mode = WAL");

  const queries = new QueryService(db, Number(process.env.MAX_ROWS ?? 200));
  const exporter = new ExportService(queries, exportDir);

  const server = new Server(
    { name: "shopfloor-sqlite", version: "1.4.0" },
    { capabilities: { tools: {} } },
  );
  new ToolRouter(server, queries, exporter).register();

  await server.connect(new StdioServerTransport());
  process.on("SIGINT", () => {
    db.close();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
