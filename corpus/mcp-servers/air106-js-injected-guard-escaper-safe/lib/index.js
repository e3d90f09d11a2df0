"use strict";
// case: AIR106 — safe: every name reaches the statement through the injected guard. The table
// name passes a wrapper that answers in the same `valid` field, the index name and each column
// pass `quote` (which throws unless the check says yes), and the key columns are checked one by
// one in a loop that returns on the first bad one.
Object.defineProperty(exports, "__esModule", { value: true });
const index_js_1 = require("@modelcontextprotocol/sdk/server/index.js");
const stdio_js_1 = require("@modelcontextprotocol/sdk/server/stdio.js");
const types_js_1 = require("@modelcontextprotocol/sdk/types.js");
const mysql = require("mysql2/promise");
const guard_js_1 = require("./lib/guard.js");
const pool = mysql.createPool({ host: process.env.DB_HOST, database: process.env.DB_NAME });
class SchemaAdmin {
    constructor(guard) {
        this.guard = guard;
    }
    checkLabelled(name, label) {
        const verdict = this.guard.checkName(name);
        if (!verdict.valid) {
            return { valid: false, error: `${label}: ${verdict.error}` };
        }
        return { valid: true };
    }
    async addIndexes(params) {
        const { table, indexes } = params;
        const tableCheck = this.checkLabelled(table, "table");
        if (!tableCheck.valid) {
            return { status: "error", error: tableCheck.error };
        }
        for (const index of indexes) {
            const columns = index.columns
                .map((c) => {
                    const ok = this.checkLabelled(c, "column");
                    if (!ok.valid) {
                        throw new Error(ok.error);
                    }
                    return this.guard.quote(c);
                })
                .join(", ");
            await pool.query(`CREATE INDEX ${this.guard.quote(index.name)} ON \`${table}\` (${columns})`);
        }
        return { status: "ok" };
    }
    async addUniqueKey(params) {
        const { table, keyName, columns } = params;
        if (!this.guard.checkName(table).valid || !this.guard.checkName(keyName).valid) {
            return { status: "error", error: "bad name" };
        }
        for (const col of columns) {
            if (!this.guard.checkName(col).valid) {
                return { status: "error", error: `bad column ${col}` };
            }
        }
        const list = columns.map((c) => `\`${c}\``).join(", ");
        await pool.query(`ALTER TABLE \`${table}\` ADD CONSTRAINT \`${keyName}\` UNIQUE (${list})`);
        return { status: "ok" };
    }
}
const admin = new SchemaAdmin(new guard_js_1.NameGuard());
const server = new index_js_1.Server({ name: "schema-admin", version: "1.2.0" }, { capabilities: { tools: {} } });
server.setRequestHandler(types_js_1.CallToolRequestSchema, async (request) => {
    const { name, arguments: args } = request.params;
    let result;
    switch (name) {
        case "add_indexes":
            result = await admin.addIndexes(args || {});
            break;
        case "add_unique_key":
            result = await admin.addUniqueKey(args || {});
            break;
        default:
            throw new Error(`unknown tool ${name}`);
    }
    return { content: [{ type: "text", text: JSON.stringify(result) }] };
});
server.connect(new stdio_js_1.StdioServerTransport());
