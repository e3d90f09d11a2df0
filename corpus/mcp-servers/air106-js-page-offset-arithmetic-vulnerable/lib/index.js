// case: AIR106 — vulnerable: the page's offset is computed, but the page size goes into the LIMIT
// clause as the model wrote it, so `10; DROP TABLE orders` reaches the query text.
const { Server } = require("@modelcontextprotocol/sdk/server/index.js");
const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");
const { CallToolRequestSchema } = require("@modelcontextprotocol/sdk/types.js");
const mysql = require("mysql2/promise");

const pool = mysql.createPool({ uri: process.env.DATABASE_URL });

async function listOrders(args) {
    const start = (args.page - 1) * args.size;
    const sql = `SELECT id, total FROM orders ORDER BY id LIMIT ${args.size} OFFSET ${start}`;
    const [rows] = await pool.query(sql); // expect: AIR106
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
}

const server = new Server({ name: "order-pages", version: "2.0.1" }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args } = request.params;
    if (name === "list_orders") {
        return await listOrders(args || {});
    }
    throw new Error(`unknown tool ${name}`);
});
server.connect(new StdioServerTransport());
