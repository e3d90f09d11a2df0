// case: AIR106 — safe: a column's default goes through a method that returns a number's own
// digits only under `typeof value === "number"`, and any other value between single quotes with
// every quote doubled, so no default can leave its literal.
const { Server } = require("@modelcontextprotocol/sdk/server/index.js");
const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");
const { CallToolRequestSchema } = require("@modelcontextprotocol/sdk/types.js");
const mysql = require("mysql2/promise");

class Columns {
    constructor(pool) {
        this.pool = pool;
    }
    defaultLiteral(value) {
        if (value === null || value === undefined) {
            return "NULL";
        }
        if (typeof value === "number") {
            return String(value);
        }
        if (typeof value === "boolean") {
            return value ? "1" : "0";
        }
        return `'${String(value).replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
    }
    async setDefault(args) {
        const literal = this.defaultLiteral(args.value);
        await this.pool.query(`ALTER TABLE inventory ALTER COLUMN quantity SET DEFAULT ${literal}`);
        return { content: [{ type: "text", text: "default changed" }] };
    }
}

const columns = new Columns(mysql.createPool({ uri: process.env.DATABASE_URL }));
const server = new Server({ name: "column-admin", version: "2.0.1" }, { capabilities: { tools: {} } });

server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args } = request.params;
    switch (name) {
        case "set_quantity_default":
            return await columns.setDefault(args || {});
        default:
            throw new Error(`unknown tool ${name}`);
    }
});

server.connect(new StdioServerTransport());
