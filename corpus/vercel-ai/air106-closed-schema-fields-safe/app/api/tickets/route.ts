// case: AIR106 safe — the values put into the SQL text come from schema fields that admit no
// text: an enum of four words and an integer; the framework rejects anything else before
// `execute` runs.
import { openai } from "@ai-sdk/openai";
import { generateText, tool } from "ai";
import { z } from "zod";
import { db } from "@/lib/db";

const ticketTools = {
  setPriority: tool({ // expect: AIR101
    description: "Change the priority of a support ticket.",
    inputSchema: z.object({
      ticketId: z.number().int().positive(),
      priority: z.enum(["low", "normal", "high", "urgent"]),
    }),
    execute: async ({ ticketId, priority }) => {
      const res = await db.query(`UPDATE tickets SET priority = '${priority}' WHERE id = ${ticketId}`);
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
