// case: AIR106 — vulnerable: a crew roster server on PostgreSQL that passes node-postgres its
// query as a config object. `members_named` writes the model's name into the config's `text`
// (the values list is empty), and `shifts_after` builds the config in a helper whose `text` is
// the statement the tool wrote with the model's date in it: reported where that text is written.
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
    const result = await pool.query({ // expect: AIR106
        text: `SELECT id, name FROM members WHERE name = '${name}'`,
        values: [],
    });
    return { content: [{ type: "text", text: JSON.stringify(result.rows) }] };
});

server.tool("shifts_after", { day: z.string() }, async ({ day }) => {
    const rows = await select("SELECT member_id, starts FROM shifts WHERE starts > '" + day + "'"); // expect: AIR106
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
});

server.connect(new StdioServerTransport());
