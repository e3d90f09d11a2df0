// case: AIR101 — a Next.js route handler streams a chat with a record of tools spread in from
// another module; the deploy tool runs a shell command.
import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import { opsTools } from "@/lib/tools";

export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({
    model: openai("gpt-4o"),
    system: "You help the on-call engineer.",
    messages,
    tools: { ...opsTools },
  });
  return result.toUIMessageStreamResponse();
}
