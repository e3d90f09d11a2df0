import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const DOC_HOSTS = new Set(["docs.python.org", "developer.mozilla.org", "nodejs.org"]);

const server = new McpServer({ name: "docs-reader", version: "1.0.2" });

server.registerTool(
  "read_doc",
  {
    description: "Read a page of the language documentation sites.",
    inputSchema: { url: z.string() },
    annotations: { readOnlyHint: true, openWorldHint: true },
  },
  async ({ url }) => {
    const u = new URL(url);
    if (u.protocol !== "https:" || !DOC_HOSTS.has(u.hostname)) {
      throw new Error(`not a documentation page: ${u.href}`);
    }
    const res = await fetch(u, { redirect: "error" });
    return { content: [{ type: "text", text: await res.text() }] };
  },
);

await server.connect(new StdioServerTransport());
