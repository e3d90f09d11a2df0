// case: a clipboard-archive MCP server checks every path in `resolveAllowed`, which runs the
// check as a closure under a project deadline helper (`withDeadline(check(), ...)`). The
// helper's `some` predicate is a block whose containment test is a bare prefix
// (`candidate.startsWith(root)`), so `/srv/clips-old/...` passes for an allowed `/srv/clips`.
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
    await fs.appendFile(target, String(args?.text) + "\n", "utf8"); // expect: AIR106
    return { content: [{ type: "text", text: `archived to ${target}` }] };
  }
  throw new Error(`unknown tool ${name}`);
});

await server.connect(new StdioServerTransport());
