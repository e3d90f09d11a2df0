// case: the Node half: the model names the file inside the folder.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import fs from "node:fs";
import path from "node:path";

const server = new McpServer({ name: "projects-js", version: "1.0.0" });

server.tool("folder_file", "Show a file of a folder", { folder: z.string(), file: z.string() }, async ({ folder, file }) => {
  const text = fs.readFileSync(path.join(folder, file), "utf8"); // expect: AIR106
  return { content: [{ type: "text", text }] };
});
