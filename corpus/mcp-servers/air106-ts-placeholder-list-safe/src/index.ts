// case: AIR106 (safe) — the tool looks up several tags at once; the `IN (...)` list holds one
// numbered placeholder per tag (`tags.map((_, i) => `$${i + 1}`)`: built from positions, not from
// the tags), and the tags go to the driver as bound values.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const server = new McpServer({ name: "tag-lookup", version: "1.2.0" });

server.tool(
  "articles_by_tags",
  "Lists the articles carrying any of the given tags.",
  { tags: z.array(z.string()).min(1) },
  async ({ tags }) => {
    const list = tags.map((_, i) => `$${i + 1}`).join(", ");
    const result = await pool.query(`SELECT id, title FROM articles WHERE tag IN (${list})`, tags);
    return { content: [{ type: "text", text: JSON.stringify(result.rows) }] };
  },
);

await server.connect(new StdioServerTransport());
