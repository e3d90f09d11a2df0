import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { fetchPublic, headPublic } from "./net.js";

const server = new McpServer({ name: "link-preview", version: "0.3.1" });

server.registerTool(
  "preview_link",
  { description: "Fetch a link and return its page text", inputSchema: { url: z.string().url() } },
  async ({ url }) => ({ content: [{ type: "text", text: (await fetchPublic(url)).slice(0, 4000) }] }),
);

server.registerTool(
  "link_status",
  { description: "Return the HTTP status of a link", inputSchema: { url: z.string().url() } },
  async ({ url }) => ({ content: [{ type: "text", text: String(await headPublic(url)) }] }),
);

await server.connect(new StdioServerTransport());
