// case: AIR106 — a migration-guide MCP server: the model's guide name is joined onto the guide
// folder and read. The helper resolves the path, but only to log it: nothing compares it with the
// folder, so `../../../etc/hosts` (with `.md` appended) leaves it.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { z } from "zod";

const GUIDES = path.join(process.cwd(), "guides");

async function readGuide(name: string): Promise<string | null> {
  const base = name.replace(/\.md$/, "");
  const filePath = path.join(GUIDES, base + ".md");
  const resolvedPath = path.resolve(filePath);
  console.error(`reading ${resolvedPath}`);
  return await readFile(filePath, "utf-8"); // expect: AIR106
}

const server = new McpServer({ name: "guides", version: "0.3.0" });

server.registerTool(
  "read_guide",
  {
    description: "Read one migration guide by name",
    inputSchema: { name: z.string() },
    annotations: { readOnlyHint: true },
  },
  async ({ name }) => {
    const text = await readGuide(name);
    return { content: [{ type: "text", text: text ?? "no such guide" }] };
  },
);
