// case: AIR106 (safe) — `generateText` in an API route with a tool whose `execute` writes a note to
// the file the model names; only its base name is kept.
import { generateText, tool } from "ai";
import { anthropic } from "@ai-sdk/anthropic";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const DOCS = "/srv/docs";

export async function POST(req: Request) {
  const { question } = await req.json();
  const { text } = await generateText({
    model: anthropic("claude-sonnet-4-5"),
    prompt: question,
    tools: {
      saveNote: tool({ // expect: AIR101
        description: "Save a note",
        inputSchema: z.object({ name: z.string(), body: z.string() }),
        execute: async ({ name, body }) => writeFile(path.join(DOCS, path.basename(name)), body),
      }),
    },
  });
  return Response.json({ text });
}
