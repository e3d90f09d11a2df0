// case: a read-only inventory MCP server in TypeScript (Express, Streamable HTTP, stateless) that requires a
// bearer token on every MCP route (the SDK's middleware) before the transport runs.
import express from "express";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { verifier } from "./auth.js";
import { z } from "zod";

const STOCK: Record<string, number> = { "SKU-100": 12, "SKU-200": 0 };

const app = express();
app.use(express.json());
app.use("/mcp", requireBearerAuth({ verifier, requiredScopes: ["inventory:read"] }));

app.post("/mcp", async (req, res) => {
  const server = new McpServer({ name: "inventory", version: "0.3.0" });
  server.registerTool(
    "stock_level",
    { description: "How many units of a SKU are in stock", inputSchema: { sku: z.string() } },
    async ({ sku }) => ({ content: [{ type: "text", text: String(STOCK[sku] ?? 0) }] }),
  );
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
