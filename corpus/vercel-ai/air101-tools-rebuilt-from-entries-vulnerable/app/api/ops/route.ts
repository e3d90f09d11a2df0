import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
import { opsTools } from "@/lib/ops-tools";

export async function POST(req: Request) {
  const { prompt } = await req.json();
  const { text } = await generateText({
    model: openai("gpt-4.1-mini"),
    system: "You operate the app's services.",
    prompt,
    tools: opsTools,
  });
  return Response.json({ text });
}
