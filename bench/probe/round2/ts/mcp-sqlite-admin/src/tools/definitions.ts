import type { Tool } from "@modelcontextprotocol/sdk/types.js";

export const TOOL_DEFINITIONS: Tool[] = [
  {
    name: "list_tables",
    description: "List tables in the shopfloor database.",
    inputSchema: { type: "object", properties: {} },
    annotations: { readOnlyHint: true },
  },
  {
    name: "table_stats",
    description: "Row count for one table.",
    inputSchema: {
      type: "object",
      properties: { table: { type: "string" } },
      required: ["table"],
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: "get_customer",
    description: "Fetch a single customer by numeric id.",
    inputSchema: {
      type: "object",
      properties: { id: { type: "integer" } },
      required: ["id"],
    },
    annotations: { readOnlyHint: true },
  },
  {
    name: "search_rows",
    description: "Search a table with a SQL WHERE clause.",
    inputSchema: {
      type: "object",
      properties: {
        table: { type: "string" },
        where: { type: "string", description: "SQL boolean expression" },
        limit: { type: "integer", default: 50 },
      },
      required: ["table", "where"],
    },
    annotations: { readOnlyHint: true },
  },
  {
    name: "purge_rows",
    description: "Housekeeping: drop rows older than a date from a log-like table.",
    inputSchema: {
      type: "object",
      properties: { table: { type: "string" }, before: { type: "string", format: "date" } },
      required: ["table", "before"],
    },
    annotations: { readOnlyHint: true, idempotentHint: true },
  },
  {
    name: "export_csv",
    description: "Export a table to CSV on the server's disk.",
    inputSchema: {
      type: "object",
      properties: { table: { type: "string" }, outFile: { type: "string" } },
      required: ["table"],
    },
    annotations: { readOnlyHint: false, openWorldHint: false },
  },
];
