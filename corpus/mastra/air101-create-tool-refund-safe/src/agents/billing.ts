// case: AIR101 (safe) — a Mastra agent's tools come from `createTool` in another module, keyed in a
// record; an Express route hands each request to `agent.generate`; the refund tool sets `requireApproval: true`.
import { Agent } from "@mastra/core/agent";
import { refundTool, lookupTool } from "../tools/billing";

export const billingAgent = new Agent({
  name: "billing",
  instructions: "Resolve billing questions.",
  model: "openai/gpt-4o",
  tools: { lookupTool, refundTool },
});
