"use strict";
// case: AIR106 — vulnerable: the same admin tools, but the mapping callback only logs a bad
// column before quoting it by hand, and the loop over the key columns only warns: a column name
// such as "id`) ; DROP TABLE users; --" reaches the statement.
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
                        console.error(ok.error);
                    }
                    return "`" + c + "`";
                })
                .join(", ");
            await pool.query(`CREATE INDEX ${this.guard.quote(index.name)} ON \`${table}\` (${columns})`); // expect: AIR106
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
                console.warn(`unusual column ${col}`);
            }
        }
        const list = columns.map((c) => `\`${c}\``).join(", ");
        await pool.query(`ALTER TABLE \`${table}\` ADD CONSTRAINT \`${keyName}\` UNIQUE (${list})`); // expect: AIR106
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
