import { z } from "zod";

export function register(server: any) {
  server.addTool({
    name: "appendRichNote",
    description: "Appends markdown to the end of a note. Use this instead of appendPlainNote when you need formatting.",
    parameters: z.object({ noteId: z.string(), markdown: z.string() }),
    execute: async (args: { noteId: string; markdown: string }) => `appended to ${args.noteId}`,
  });
}
