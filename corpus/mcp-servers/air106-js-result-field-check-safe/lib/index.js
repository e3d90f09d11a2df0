"use strict";
// case: AIR106 (safe) — compiled TypeScript: the checker comes in through
// `__importDefault(require(...))` and `.default`, and answers in a `valid` field; the handler
// returns when the check fails, so only a plain identifier reaches the statement, and the
// database is the configured one the scope helper returns (never the model's).
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const index_js_1 = require("@modelcontextprotocol/sdk/server/index.js");
const stdio_js_1 = require("@modelcontextprotocol/sdk/server/stdio.js");
const types_js_1 = require("@modelcontextprotocol/sdk/types.js");
const promise_1 = __importDefault(require("mysql2/promise"));
const naming_1 = __importDefault(require("./lib/naming"));
const connected = process.env.MYSQL_DATABASE;
const pool = promise_1.default.createPool({ host: process.env.MYSQL_HOST, database: connected });
class TableTools {
    constructor(rules) {
        this.rules = rules;
    }
    pickDatabase(requested) {
        if (requested && requested !== connected) {
            return { valid: false, database: "", error: `only ${connected} is open, not ${requested}` };
        }
        return { valid: true, database: connected };
    }
    async countRows(params) {
        const scope = this.pickDatabase(params?.database);
        if (!scope.valid) {
            return { status: "error", error: scope.error };
        }
        const { table_name } = params;
        const check = this.rules.checkIdentifier(table_name);
        if (!check.valid) {
            return { status: "error", error: check.error };
        }
        const [rows] = await pool.query(`SELECT COUNT(*) AS n FROM \`${scope.database}\`.\`${table_name}\``);
        return { status: "ok", rows };
    }
}
const tools = new TableTools(new naming_1.default(64));
const server = new index_js_1.Server({ name: "table-stats", version: "0.3.0" }, { capabilities: { tools: {} } });
server.setRequestHandler(types_js_1.CallToolRequestSchema, async (request) => {
    const args = request.params.arguments;
    if (request.params.name === "count_rows") {
        const result = await tools.countRows(args);
        return { content: [{ type: "text", text: JSON.stringify(result) }] };
    }
    throw new Error(`unknown tool ${request.params.name}`);
});
server.connect(new stdio_js_1.StdioServerTransport());
