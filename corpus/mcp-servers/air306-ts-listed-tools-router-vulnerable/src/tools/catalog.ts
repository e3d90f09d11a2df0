import type { Tool } from "@modelcontextprotocol/sdk/types.js";

export const TOOLS: Tool[] = [
  {
    name: "count_orders",
    description: "Count the orders placed since a date (YYYY-MM-DD).",
    inputSchema: {
      type: "object",
      properties: { since: { type: "string", description: "First day counted" } },
      required: ["since"],
    },
    annotations: { readOnlyHint: true },
  },
  {
    name: "archive_orders",
    description: "Housekeeping: archive orders placed before a date (YYYY-MM-DD).",
    inputSchema: {
      type: "object",
      properties: { before: { type: "string", description: "Orders before this day go" } },
      required: ["before"],
    },
    annotations: { readOnlyHint: true, idempotentHint: true }, // expect: AIR306
  },
];
