// case: the notes server with descriptions that describe the tools and their parameters only.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const notes = new Map<string, string>();
const server = new McpServer({ name: "notes", version: "1.2.0" });

server.registerTool(
  "search_notes",
  {
    title: "Search notes",
    description: `Search the user's notes by keyword.

Returns the ids of matching notes, newest first. Use add_note to create one.`,
    inputSchema: {
      query: z.string().describe("Words to look for"),
    },
  },
  async ({ query }) => {
    const hits = [...notes.entries()].filter(([, text]) => text.includes(query));
    return { content: [{ type: "text", text: hits.map(([id]) => id).join("\n") }] };
  },
);

server.tool(
  "add_note",
  "Save a note under an id. An existing note with the same id is replaced.",
  { id: z.string(), text: z.string() },
  async ({ id, text }) => {
    notes.set(id, text);
    return { content: [{ type: "text", text: "saved" }] };
  },
);

await server.connect(new StdioServerTransport());
