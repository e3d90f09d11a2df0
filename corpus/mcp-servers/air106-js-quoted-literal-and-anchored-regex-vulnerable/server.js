// case: AIR106 — vulnerable: the tag's quotes are replaced only once (no `g` flag), and the
// column check is a regular expression anchored at the start only, so `name" FROM users --`
// passes it.
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");
const { z } = require("zod");
const { Client } = require("pg");

const db = new Client({ connectionString: process.env.NOTES_DB });
const server = new McpServer({ name: "notes-sql", version: "0.9.0" });

function literal(value) {
  return `'${String(value).replace(/'/g, "''")}'`;
}

server.tool(
  "find_notes",
  { author: z.string(), tag: z.string(), column: z.string(), pageSize: z.string() },
  async ({ author, tag, column, pageSize }) => {
    if (!/^[a-z_][a-z0-9_]*/.test(column)) {
      throw new Error("unknown column");
    }
    const escapedTag = tag.replace(/'/, "''");
    const size = Math.min(Math.max(parseInt(pageSize, 10) || 20, 1), 200);
    const sql =
      `SELECT id, "${column}" FROM notes WHERE author = ${literal(author)} ` +
      `AND tags LIKE '%${escapedTag}%' LIMIT ${size}`;
    const { rows } = await db.query(sql); // expect: AIR106
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
  },
);

server.connect(new StdioServerTransport());
