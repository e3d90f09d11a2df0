// case: AIR106 — safe: the same inventory server and shared handle (`Store.shared()`); the SKU
// and the count travel as bound parameters, and the plan tool prefixes a fixed `EXPLAIN` to the
// model's statement on a driver that runs one statement per call, so it is only planned.
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");
const { z } = require("zod");
const { Store } = require("./store");

const server = new McpServer({ name: "inventory-desk", version: "1.4.0" });

class Inventory {
    constructor() {
        this.ledger = Store.shared();
    }

    async stock(sku) {
        return this.ledger.run("SELECT sku, on_hand FROM stock WHERE sku = ?", [sku]);
    }

    async restock(sku, count) {
        const text = "UPDATE stock SET on_hand = on_hand + ? WHERE sku = ?";
        return this.ledger.run(text, [count, sku]);
    }

    async plan(statement) {
        return this.ledger.run(`EXPLAIN FORMAT=JSON ${statement}`);
    }
}

const inventory = new Inventory();

server.tool("stock_for_sku", { sku: z.string() }, async ({ sku }) => {
    const rows = await inventory.stock(sku);
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
});

server.tool("restock", { sku: z.string(), count: z.string() }, { destructiveHint: true }, async ({ sku, count }) => {
    await inventory.restock(sku, count);
    return { content: [{ type: "text", text: "ok" }] };
});

server.tool("plan_statement", { statement: z.string() }, async ({ statement }) => {
    const plan = await inventory.plan(statement);
    return { content: [{ type: "text", text: JSON.stringify(plan) }] };
});

server.connect(new StdioServerTransport());
