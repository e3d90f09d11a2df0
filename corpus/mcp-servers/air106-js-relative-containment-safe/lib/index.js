// case: the same notes server with Node's containment idiom: `path.relative(NOTES, target)`
// starting with `..` (or absolute, another drive on Windows) means the note is outside the
// folder, and the tool throws before reading.
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const fs = require("node:fs/promises");
const path = require("node:path");
const { z } = require("zod");

const NOTES = path.resolve(process.env.NOTES_DIR || "./notes");
const server = new McpServer({ name: "notes-files", version: "1.2.0" });

server.registerTool("read_note", { inputSchema: { name: z.string() } }, async ({ name }) => {
    const target = path.resolve(NOTES, name);
    const rel = path.relative(NOTES, target);
    if (rel.startsWith("..") || path.isAbsolute(rel)) {
        throw new Error("note outside the notes folder");
    }
    const text = await fs.readFile(target, "utf8");
    return { content: [{ type: "text", text }] };
});

module.exports = { server };
