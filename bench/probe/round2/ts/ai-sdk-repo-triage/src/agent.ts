import { anthropic } from "@ai-sdk/anthropic";
import { stepCountIs, ToolLoopAgent } from "ai";
import { triageTools } from "./tools/index.js";

export const triageAgent = new ToolLoopAgent({
  model: anthropic("claude-sonnet-4-5"),
  instructions: `You triage newly opened GitHub issues for the widgets repo.
1. Read the issue with getIssue.
2. If it is a bug with a clear reproduction, find the relevant code with readWorkspaceFile,
   write a fix with applyPatch, and confirm with runTests.
3. If tests pass, open a draft PR with openPullRequest.
4. Always leave a short summary comment with commentOnIssue.`,
  tools: triageTools,
  stopWhen: stepCountIs(25),
});
