// case: AIR106 — the priority is any string the model writes (the allowed words are only in
// its description), put into the SQL text of an UPDATE.
import { openai } from "@ai-sdk/openai";
import { generateText, tool } from "ai";
import { z } from "zod";
import { db } from "@/lib/db";

const ticketTools = {
  setPriority: tool({ // expect: AIR101
    description: "Change the priority of a support ticket.",
    inputSchema: z.object({
      ticketId: z.number().int().positive(),
      priority: z.string().describe("low, normal, high or urgent"),
    }),
    execute: async ({ ticketId, priority }) => {
      const res = await db.query(`UPDATE tickets SET priority = '${priority}' WHERE id = ${ticketId}`); // expect: AIR106
      return { updated: res.rowCount };
    },
  }),
};

export async function POST(req: Request) {
  const { prompt } = await req.json();
  const { text } = await generateText({
    model: openai("gpt-4.1-mini"),
    system: "You triage support tickets.",
    prompt,
    tools: { ...ticketTools },
  });
  return Response.json({ text });
}
