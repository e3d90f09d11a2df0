// case: the same notes server; the helper's predicate compares with the folder followed by a
// separator (`candidate.startsWith(dir + path.sep)`), kept in a name the helper returns, so
// `validatePath` only returns paths inside the allowed folders.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import fs from "node:fs/promises";
import { z } from "zod";
import { validatePath } from "./paths.js";

const server = new McpServer({ name: "notes-fs", version: "0.6.2" });

server.registerTool(
  "save_note",
  {
    description: "Save a note to a file in the notes folders",
    inputSchema: { file: z.string(), text: z.string() },
  },
  async ({ file, text }) => {
    const target = await validatePath(file);
    await fs.writeFile(target, text, "utf8");
    return { content: [{ type: "text", text: `saved ${target}` }] };
  },
);

await server.connect(new StdioServerTransport());
