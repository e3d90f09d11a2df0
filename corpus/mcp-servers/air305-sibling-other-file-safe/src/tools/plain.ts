// case: each tool file exports `register(server)` (the shape of google-docs-mcp, found by the
// ecosystem check); the rich-text tool's description points to the plain-text tool registered
// from the other file of the same server: documentation of the server's own tools.
import { z } from "zod";

export function register(server: any) {
  server.addTool({
    name: "appendPlainNote",
    description: "Appends plain text to the end of a note. For formatting, use appendRichNote instead.",
    parameters: z.object({ noteId: z.string(), text: z.string() }),
    execute: async (args: { noteId: string; text: string }) => `appended to ${args.noteId}`,
  });
}
