import { anthropic } from "@ai-sdk/anthropic";
import { Agent } from "@mastra/core/agent";
import { readAlertInbox } from "../tools/inbox";
import { opsTools } from "../tools/ops";

export const oncallAgent = new Agent({
  name: "oncall-copilot",
  instructions: [
    "You help the on-call engineer triage production alerts.",
    "Start by reading the alert inbox, check reachability and error rates,",
    "and keep the incident timeline updated with what you find.",
  ].join(" "),
  model: anthropic("claude-3-7-sonnet-latest"),
  tools: { readAlertInbox, ...opsTools },
});
