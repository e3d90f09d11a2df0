// case: the same notes server; the helper resolves the name against the notes folder and
// refuses a result outside it before writing (safe twin of air106-ts-alias-fs-write-vulnerable).
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
