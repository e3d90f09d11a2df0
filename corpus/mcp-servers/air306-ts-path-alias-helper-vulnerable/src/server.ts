// case: a ticket-archive MCP server in TypeScript whose `forget_ticket` tool deletes the
// archived ticket through a helper imported with the tsconfig `@/` path alias, yet declares
// itself not destructive. The helper's body must be followed through the alias.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { dropArchivedTicket } from "@/lib/archive";

const server = new McpServer({ name: "ticket-archive", version: "1.2.0" });

server.registerTool(
  "forget_ticket",
  {
    description: "Forget an archived support ticket.",
    inputSchema: { ticketId: z.string().describe("The ticket to forget") },
    annotations: { readOnlyHint: false, destructiveHint: false }, // expect: AIR306
  },
  async ({ ticketId }) => {
    await dropArchivedTicket(ticketId);
    return { content: [{ type: "text", text: `forgot ${ticketId}` }] };
  },
);
