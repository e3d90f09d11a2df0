// case: a notes MCP server in TypeScript whose `save_note` tool writes the model's text to a
// file it names, through a helper imported with the tsconfig `@/` path alias; the helper joins
// the name to the notes folder without checking where the result points (`../../.bashrc`).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { saveNote } from "@/lib/notes";

const server = new McpServer({ name: "notes", version: "1.1.0" });

server.tool(
  "save_note",
  "Save a note under the given file name.",
  { name: z.string(), body: z.string() },
  { readOnlyHint: false, destructiveHint: true },
  async ({ name, body }) => {
    const saved = await saveNote(name, body);
    return { content: [{ type: "text", text: `saved ${saved}` }] };
  },
);
