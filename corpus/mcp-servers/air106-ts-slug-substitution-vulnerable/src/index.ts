import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const dir = path.join(os.homedir(), ".snippets");
const fileName = (name: string) => `${name.trim().replace(/\s+/g, "_")}.txt`;

const server = new McpServer({ name: "snippets", version: "0.1.4" });

server.registerTool(
  "save_snippet",
  {
    description: "Save a text snippet under a name.",
    inputSchema: { name: z.string(), text: z.string() },
    annotations: { readOnlyHint: false, destructiveHint: false }, // expect: AIR306
  },
  async ({ name, text }) => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, fileName(name)), text, "utf-8"); // expect: AIR106
    return { content: [{ type: "text", text: "saved" }] };
  },
);

await server.connect(new StdioServerTransport());
