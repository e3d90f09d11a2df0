// case: AIR106 — vulnerable: the clamp hands back its fallback unchanged when the value is no
// number, and the caller's fallback is another of the model's arguments, so its text reaches the
// LIMIT clause as written.
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
        const limit = this.clamp(args.limit, 1, 500, args.default_limit);
        const [rows] = await this.pool.query(`SELECT * FROM orders ORDER BY created_at DESC LIMIT ${limit}`); // expect: AIR106
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
