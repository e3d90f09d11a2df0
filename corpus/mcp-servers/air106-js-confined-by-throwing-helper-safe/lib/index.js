// case: AIR106 — safe: the path is confined by a statement call (`confine(root, real)`) whose
// failure branch calls a helper that always throws (`reject(...)`), so after it the file created
// is inside the transfer folder.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { McpError, ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { open } from "node:fs/promises";
import { relative, resolve, isAbsolute } from "node:path";
import { z } from "zod";

const ROOT = resolve(process.env.TRANSFER_ROOT ?? "/srv/transfer");

function reject(message) {
    throw new McpError(ErrorCode.InvalidParams, message);
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
    const handle = await open(target, "wx");
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
