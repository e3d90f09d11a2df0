// case: AIR106 — vulnerable: an inventory server whose tools reach the database through a shared
// handle (`Store.shared()`, a singleton made on first use). `stock_for_sku` writes the model's SKU
// between quotes into the query text it hands to `run`, which sends it unchanged: the finding is
// where the text is written. `restock` writes the model's count into a second statement.
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
        return this.ledger.run(`SELECT sku, on_hand FROM stock WHERE sku = '${sku}'`); // expect: AIR106
    }

    async restock(sku, count) {
        const text = "UPDATE stock SET on_hand = on_hand + " + count + " WHERE sku = ?";
        return this.ledger.run(text, [sku]); // expect: AIR106
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

server.connect(new StdioServerTransport());
