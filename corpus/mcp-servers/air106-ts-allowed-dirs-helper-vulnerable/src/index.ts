// case: a notes MCP server confines every path with `validatePath`, which throws unless a
// boolean helper finds the resolved path under an allowed folder. The helper's predicate is a
// bare prefix check (`candidate.startsWith(dir)`), so `/srv/notes-private/...` passes for an
// allowed `/srv/notes`: the write tool still reaches files outside the allowed folders.
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
    await fs.writeFile(target, text, "utf8"); // expect: AIR106
    return { content: [{ type: "text", text: `saved ${target}` }] };
  },
);

await server.connect(new StdioServerTransport());
