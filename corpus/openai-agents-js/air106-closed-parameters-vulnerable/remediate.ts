// case: AIR106 — the action is any string the model writes (the allowed ones are only named in
// its description), put into a shell command.
import { execSync } from "node:child_process";
import { Agent, run, tool } from "@openai/agents";
import { z } from "zod";

const remediate = tool({
  name: "remediate",
  description: "Run a standard remediation on this machine",
  parameters: z.object({ action: z.string().describe("flush-dns, restart-agent or clear-cache") }),
  needsApproval: true,
  execute: async ({ action }) => execSync(`./scripts/remediate.sh ${action}`, { encoding: "utf8" }), // expect: AIR106
});

export const helper = new Agent({
  name: "Helper",
  instructions: "Fix the user's machine with the standard remediations.",
  tools: [remediate],
});

await run(helper, "My DNS is broken.");
