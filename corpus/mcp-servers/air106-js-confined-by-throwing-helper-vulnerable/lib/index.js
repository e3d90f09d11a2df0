// case: AIR106 — vulnerable: the confinement helper's failure branch calls a helper that only
// logs (`reject(...)` prints the error), so the check returns normally and any file the model
// names is created.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { McpError, ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { open } from "node:fs/promises";
import { relative, resolve, isAbsolute } from "node:path";
import { z } from "zod";

const ROOT = resolve(process.env.TRANSFER_ROOT ?? "/srv/transfer");

function reject(message) {
    console.error(new McpError(ErrorCode.InvalidParams, message).message);
}

function inside(root, candidate) {
    const rel = relative(root, candidate);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function confine(root, candidate) {
    if (!inside(root, candidate))
        reject("path must stay inside the transfer folder");
}

async function createInBox(input) {
    const target = resolve(ROOT, input);
    confine(ROOT, target);
    const handle = await open(target, "wx"); // expect: AIR106
    return handle;
}

const server = new McpServer({ name: "transfer-box", version: "0.9.0" });
server.tool("save_note", { path: z.string(), text: z.string() }, async ({ path, text }) => {
    const handle = await createInBox(path);
    await handle.writeFile(text);
    await handle.close();
    return { content: [{ type: "text", text: "saved" }] };
});
await server.connect(new StdioServerTransport());
