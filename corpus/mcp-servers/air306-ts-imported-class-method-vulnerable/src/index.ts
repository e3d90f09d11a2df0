import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import pg from "pg";
import { z } from "zod";
import { SessionStore } from "./store.js";

const store = new SessionStore(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
const server = new McpServer({ name: "session-admin", version: "0.2.0" });
const reply = (value: unknown) => ({ content: [{ type: "text" as const, text: JSON.stringify(value) }] });

server.tool(
  "active_sessions",
  "Count the sessions that are still valid",
  {},
  { readOnlyHint: true },
  async () => reply({ active: await store.countActive() }),
);

server.tool(
  "expire_sessions",
  "Housekeeping: expire sessions idle for more than N days",
  { days: z.number().int().min(1) },
  { readOnlyHint: true }, // expect: AIR306
  async ({ days }) => reply({ expired: await store.expireOlderThan(days) }),
);

await server.connect(new StdioServerTransport());
