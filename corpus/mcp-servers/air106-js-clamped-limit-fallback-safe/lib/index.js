// case: AIR106 — safe: the row limit goes through a method that returns a clamped number, or the
// fallback it was given when the value is no number; the caller's fallback is a literal, so only
// a number reaches the LIMIT clause.
const { Server } = require("@modelcontextprotocol/sdk/server/index.js");
const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");
const { CallToolRequestSchema } = require("@modelcontextprotocol/sdk/types.js");
const mysql = require("mysql2/promise");

class Sampler {
    constructor(pool) {
        this.pool = pool;
    }
    clamp(value, low, high, fallback) {
        const n = Number(value);
        if (!Number.isFinite(n))
            return fallback;
        return Math.min(Math.max(Math.floor(n), low), high);
    }
    async sample(args) {
        const limit = this.clamp(args.limit, 1, 500, 20);
        const [rows] = await this.pool.query(`SELECT * FROM orders ORDER BY created_at DESC LIMIT ${limit}`);
        return { content: [{ type: "text", text: JSON.stringify(rows) }] };
    }
}

const sampler = new Sampler(mysql.createPool({ uri: process.env.DATABASE_URL }));
const server = new Server({ name: "sample-rows", version: "1.3.0" }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args } = request.params;
    if (name === "sample_orders") {
        return await sampler.sample(args || {});
    }
    throw new Error(`unknown tool ${name}`);
});
server.connect(new StdioServerTransport());
