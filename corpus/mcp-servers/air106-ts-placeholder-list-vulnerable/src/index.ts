// case: AIR106 — the tool looks up several tags at once; it builds the `IN (...)` list by mapping
// each of the model's tags to a quoted literal, so a tag holding a quote ends the string.
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
    const list = tags.map((tag) => `'${tag}'`).join(", ");
    const result = await pool.query(`SELECT id, title FROM articles WHERE tag IN (${list})`); // expect: AIR106
    return { content: [{ type: "text", text: JSON.stringify(result.rows) }] };
  },
);

await server.connect(new StdioServerTransport());
