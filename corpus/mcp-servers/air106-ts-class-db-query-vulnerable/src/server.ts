// case: a helpdesk MCP server in TypeScript whose `search_tickets` tool calls a method of a
// store class; the method builds its SQL with a template literal around the model's search
// term and runs it on a `pg` pool made in the constructor.
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
