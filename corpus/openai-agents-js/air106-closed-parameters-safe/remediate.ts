// case: AIR106 safe — the only value put into the shell command is a schema enum: the SDK
// checks the arguments against `parameters` before `execute` runs.
import { execSync } from "node:child_process";
import { Agent, run, tool } from "@openai/agents";
import { z } from "zod";

const remediate = tool({
  name: "remediate",
  description: "Run a standard remediation on this machine",
  parameters: z.object({ action: z.enum(["flush-dns", "restart-agent", "clear-cache"]) }),
  needsApproval: true,
  execute: async ({ action }) => execSync(`./scripts/remediate.sh ${action}`, { encoding: "utf8" }),
});

export const helper = new Agent({
  name: "Helper",
  instructions: "Fix the user's machine with the standard remediations.",
  tools: [remediate],
});

await run(helper, "My DNS is broken.");
