// case: a ticketing MCP server in TypeScript (Express, Streamable HTTP, bearer tokens checked by
// the SDK's middleware) whose tool calls the ticket system's API with the server's own API key from the environment; the
// caller's header is only checked for presence.
import express from "express";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { z } from "zod";
import { verifier } from "./auth.js";

const TICKETS_API = "https://tickets.example.com/api";
const TICKETS_KEY = process.env.TICKETS_API_KEY ?? "";

const app = express();
app.use(express.json());
app.use("/mcp", requireBearerAuth({ verifier, requiredScopes: ["tickets:read"] }));

app.post("/mcp", async (req, res) => {
  const auth = req.headers.authorization;
  const server = new McpServer({ name: "tickets", version: "1.2.0" });
  server.registerTool(
    "open_tickets",
    { description: "List the open tickets of a queue", inputSchema: { queue: z.string() } },
    async ({ queue }) => {
      const r = await fetch(`${TICKETS_API}/queues/${queue}/open`, {
        headers: { Authorization: `Bearer ${TICKETS_KEY}` },
      });
      return { content: [{ type: "text", text: await r.text() }] };
    },
  );
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
