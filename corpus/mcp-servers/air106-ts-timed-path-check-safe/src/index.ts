// case: the same clipboard-archive server; the `some` predicate's block compares with the root
// followed by a separator (`candidate.startsWith(root + path.sep)`), and the deadline helper
// is given the check's result and fixed values only, so `resolveAllowed` returns only paths
// inside the allowed folders.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import fs from "node:fs/promises";
import { resolveAllowed } from "./paths.js";

const server = new Server({ name: "clips-fs", version: "1.4.0" }, { capabilities: { tools: {} } });

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args } = request.params;
  if (name === "archive_clip") {
    const target = await resolveAllowed(String(args?.path));
    await fs.appendFile(target, String(args?.text) + "\n", "utf8");
    return { content: [{ type: "text", text: `archived to ${target}` }] };
  }
  throw new Error(`unknown tool ${name}`);
});

await server.connect(new StdioServerTransport());
