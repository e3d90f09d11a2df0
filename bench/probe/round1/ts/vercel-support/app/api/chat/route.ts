import { openai } from "@ai-sdk/openai";
import { convertToModelMessages, stepCountIs, streamText, type UIMessage } from "ai";
import { mailTools } from "@/lib/tools/mail";
import { ticketTools } from "@/lib/tools/tickets";

export const maxDuration = 30;

const SYSTEM_PROMPT = `You are Acme's customer support assistant.
Use the ticket tools to look up orders and keep tickets up to date.
Read the customer's email thread before replying. Be concise and polite.`;

export async function POST(req: Request) {
  const { messages }: { messages: UIMessage[] } = await req.json();

  const result = streamText({
    model: openai("gpt-4.1-mini"),
    system: SYSTEM_PROMPT,
    messages: await convertToModelMessages(messages),
    tools: { ...ticketTools, ...mailTools },
    stopWhen: stepCountIs(8),
  });

  return result.toUIMessageStreamResponse();
}
