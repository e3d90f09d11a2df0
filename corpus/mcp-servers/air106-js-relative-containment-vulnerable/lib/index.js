// case: AIR106 — vulnerable: the notes server computes the note's path relative to its folder but
// only refuses an absolute result; `../../home/me/.ssh/id_rsa` starts with `..` and is read.
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const fs = require("node:fs/promises");
const path = require("node:path");
const { z } = require("zod");

const NOTES = path.resolve(process.env.NOTES_DIR || "./notes");
const server = new McpServer({ name: "notes-files", version: "1.2.0" });

server.registerTool("read_note", { inputSchema: { name: z.string() } }, async ({ name }) => {
    const target = path.resolve(NOTES, name);
    const rel = path.relative(NOTES, target);
    if (path.isAbsolute(rel)) {
        throw new Error("note outside the notes folder");
    }
    const text = await fs.readFile(target, "utf8"); // expect: AIR106
    return { content: [{ type: "text", text }] };
});

module.exports = { server };
