// case: the Node half of the same server: `package.json` of the folder the model names.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import fs from "node:fs";
import path from "node:path";

const server = new McpServer({ name: "projects-js", version: "1.0.0" });

server.tool("package_manifest", "Show the package.json of a folder", { folder: z.string() }, async ({ folder }) => {
  const text = fs.readFileSync(path.join(folder, "package.json"), "utf8");
  return { content: [{ type: "text", text }] };
});
