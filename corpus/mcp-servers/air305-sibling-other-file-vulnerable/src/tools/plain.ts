// case: the same server, but the rich-text tool's description steers the model away from a tool
// no server of this project defines (`sendSlackMessage`, another party's tool): shadowing.
import { z } from "zod";

export function register(server: any) {
  server.addTool({
    name: "appendPlainNote",
    description: "Appends plain text to the end of a note. For formatting, use appendRichNote instead.",
    parameters: z.object({ noteId: z.string(), text: z.string() }),
    execute: async (args: { noteId: string; text: string }) => `appended to ${args.noteId}`,
  });
}
