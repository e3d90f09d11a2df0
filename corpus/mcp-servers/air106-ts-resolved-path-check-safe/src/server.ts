// case: AIR106 (safe) — the same server; the helper resolves the joined path and refuses it
// unless it lies inside the guide folder, then reads the path it resolved from (the same file).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { z } from "zod";

const GUIDES = path.join(process.cwd(), "guides");

async function readGuide(name: string): Promise<string | null> {
  const base = name.replace(/\.md$/, "");
  const filePath = path.join(GUIDES, base + ".md");
  const resolvedPath = path.resolve(filePath);
  const root = path.resolve(GUIDES) + path.sep;
  if (!resolvedPath.startsWith(root)) {
    console.error("path outside the guide folder");
    return null;
  }
  return await readFile(filePath, "utf-8");
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
