// case: the same server where every value in the LIMIT clause is arithmetic on the model's
// arguments: `-`, `*`, `|` and unary `+` always give a number in JavaScript (NaN at worst), so
// no text of the model's reaches the query.
const { Server } = require("@modelcontextprotocol/sdk/server/index.js");
const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");
const { CallToolRequestSchema } = require("@modelcontextprotocol/sdk/types.js");
const mysql = require("mysql2/promise");

const pool = mysql.createPool({ uri: process.env.DATABASE_URL });

async function listOrders(args) {
    const size = +args.size | 0;
    const start = (args.page - 1) * size;
    const sql = `SELECT id, total FROM orders ORDER BY id LIMIT ${size} OFFSET ${start}`;
    const [rows] = await pool.query(sql);
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
