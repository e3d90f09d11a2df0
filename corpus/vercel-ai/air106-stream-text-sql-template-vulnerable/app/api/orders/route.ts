// case: AIR106 — `streamText` in a route handler; the tool's `execute` calls a helper in another
// module (imported through the `@/` alias) that interpolates the model's values into SQL.
import { streamText, tool } from "ai";
import { openai } from "@ai-sdk/openai";
import { z } from "zod";
import { ordersFor } from "@/lib/db";

export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({
    model: openai("gpt-4.1-mini"),
    system: "You help customers with their orders.",
    messages,
    tools: {
      findOrders: tool({ // expect: AIR101
        description: "Find a customer's orders",
        inputSchema: z.object({ email: z.string(), status: z.enum(["open", "shipped"]) }),
        execute: async ({ email, status }) => ordersFor(email, status),
      }),
    },
  });
  return result.toUIMessageStreamResponse();
}
