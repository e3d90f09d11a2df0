// case: the same helpdesk server; the store passes the search term and the limit as query
// parameters (`$1`, `$2`) instead of writing them into the SQL text (safe twin of
// air106-ts-class-db-query-vulnerable).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { TicketStore } from "./store.js";

const server = new McpServer({ name: "helpdesk", version: "2.0.0" });
const store = new TicketStore(process.env.DATABASE_URL ?? "postgres://localhost/helpdesk");

server.registerTool(
  "search_tickets",
  {
    description: "Search support tickets by title.",
    inputSchema: { term: z.string(), limit: z.number().int().max(50) },
    annotations: { readOnlyHint: true },
  },
  async ({ term, limit }) => {
    const rows = await store.search(term, limit);
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
  },
);
