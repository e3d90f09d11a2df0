// case: AIR106 — safe: the same link-preview server talks only to its own API: the model's values
// are path segments (encoded, or after a literal host) and query parameters of a fixed base URL.
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const { z } = require("zod");

const API = process.env.PREVIEW_API || "https://preview.example.test/v2";
const server = new McpServer({ name: "link-preview", version: "0.4.1" });

server.registerTool("cached_preview", { inputSchema: { id: z.string() } }, async ({ id }) => {
    const res = await fetch(`${API}/previews/${encodeURIComponent(id)}`);
    return { content: [{ type: "text", text: await res.text() }] };
});

server.registerTool("proxy_image", { inputSchema: { file: z.string() } }, async ({ file }) => {
    const res = await fetch(`https://images.example.test/thumbs/${file}`);
    return { content: [{ type: "text", text: String(res.status) }] };
});

module.exports = { server };
