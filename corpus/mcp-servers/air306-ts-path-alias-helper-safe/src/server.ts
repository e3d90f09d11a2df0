// case: the ticket-archive server with annotations that match its handler: deleting an
// archived ticket through the `@/`-imported helper is declared destructive.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { dropArchivedTicket } from "@/lib/archive";

const server = new McpServer({ name: "ticket-archive", version: "1.2.0" });

server.registerTool(
  "forget_ticket",
  {
    description: "Forget an archived support ticket.",
    inputSchema: { ticketId: z.string().describe("The ticket to forget") },
    annotations: { readOnlyHint: false, destructiveHint: true },
  },
  async ({ ticketId }) => {
    await dropArchivedTicket(ticketId);
    return { content: [{ type: "text", text: `forgot ${ticketId}` }] };
  },
);
