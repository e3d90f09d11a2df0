import { anthropic } from "@ai-sdk/anthropic";
import { generateText, stepCountIs } from "ai";
import { fileTools } from "../../../src/agent/tools/files";
import { searchTools } from "../../../src/agent/tools/search";
import { shellTools } from "../../../src/agent/tools/shell";

export const runtime = "nodejs";

const tools = { ...shellTools, ...fileTools, ...searchTools };

export async function POST(req: Request) {
  const { task } = (await req.json()) as { task: string };
  if (!task?.trim()) {
    return Response.json({ error: "task is required" }, { status: 400 });
  }

  const result = await generateText({
    model: anthropic("claude-sonnet-4-5"),
    system: "You are a coding assistant working in a sandboxed dev box. Use the tools to inspect and change the project.",
    prompt: task,
    tools,
    stopWhen: stepCountIs(25),
  });

  return Response.json({
    text: result.text,
    steps: result.steps.length,
    pendingApprovals: result.content.filter((part) => part.type === "tool-approval-request"),
  });
}
