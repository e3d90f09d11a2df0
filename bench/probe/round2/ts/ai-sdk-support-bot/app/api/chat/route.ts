import { openai } from "@ai-sdk/openai";
import { convertToModelMessages, stepCountIs, streamText, type UIMessage } from "ai";
import { supportTools } from "@/lib/ai/tools";

export const maxDuration = 60;

const SYSTEM = `You are Acme Cloud's support assistant.
- Be concise and friendly.
- Verify order ownership with the customer's email before sharing details.
- If the customer reports an outage, check serviceStatus first, then checkConnectivity on their host.
- Refunds always go through a human; tell the customer a teammate will confirm.`;

export async function POST(req: Request) {
  const { messages }: { messages: UIMessage[] } = await req.json();

  const result = streamText({
    model: openai("gpt-4.1-mini"),
    system: SYSTEM,
    messages: convertToModelMessages(messages),
    tools: supportTools,
    stopWhen: stepCountIs(8),
    onError: ({ error }) => console.error("[chat]", error),
  });

  return result.toUIMessageStreamResponse();
}
