// case: AIR106 — vulnerable: a link-preview server fetches whatever address the model passes, and
// the model also picks the host of the image proxy; injected text can aim either at an internal
// service and read its answer back.
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const { z } = require("zod");

const server = new McpServer({ name: "link-preview", version: "0.4.0" });

async function grab(target) {
    const res = await fetch(target, { redirect: "follow" }); // expect: AIR106
    return res.text();
}

server.registerTool("preview_link", { inputSchema: { link: z.string().url() } }, async ({ link }) => {
    const html = await grab(link);
    return { content: [{ type: "text", text: html.slice(0, 2000) }] };
});

server.registerTool("proxy_image", { inputSchema: { host: z.string(), file: z.string() } }, async ({ host, file }) => {
    const res = await fetch(`https://${host}/images/${file}`); // expect: AIR106
    return { content: [{ type: "text", text: String(res.status) }] };
});

module.exports = { server };
