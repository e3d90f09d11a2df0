// case: AIR106 — safe: the same crew roster server; the config objects' `text` is the code's own
// statement with `$1` placeholders and the model's values travel in `values`, which the
// database binds and never reads as SQL.
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");
const { z } = require("zod");
const { Pool } = require("pg");

const pool = new Pool({ connectionString: process.env.ROSTER_URL });

async function select(text, values = []) {
    const config = { text, values, rowMode: "array" };
    const result = await pool.query(config);
    return result.rows;
}

const server = new McpServer({ name: "crew-roster", version: "0.9.2" });

server.tool("members_named", { name: z.string() }, async ({ name }) => {
    const result = await pool.query({
        text: "SELECT id, name FROM members WHERE name = $1",
        values: [name],
    });
    return { content: [{ type: "text", text: JSON.stringify(result.rows) }] };
});

server.tool("shifts_after", { day: z.string() }, async ({ day }) => {
    const rows = await select("SELECT member_id, starts FROM shifts WHERE starts > $1", [day]);
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
});

server.connect(new StdioServerTransport());
