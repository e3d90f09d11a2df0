import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { notePath } from "./notes.js";

const server = new McpServer({ name: "workspace-notes", version: "0.3.1" });

server.registerTool(
  "save_note",
  {
    description: "Save a markdown note into the workspace.",
    inputSchema: { file: z.string(), markdown: z.string() },
    annotations: { readOnlyHint: false, destructiveHint: true },
  },
  async ({ file, markdown }) => {
    await writeFile(notePath(file), markdown, "utf-8"); // expect: AIR106
    return { content: [{ type: "text", text: "saved" }] };
  },
);

await server.connect(new StdioServerTransport());
