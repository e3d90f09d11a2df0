// case: AIR101 safe — as the vulnerable case, with `requireApproval: true` on the shell tool
// (AIR106 stays: an approval is not a sanitizer).
import { createTool } from "@mastra/core/tools";
import { execSync } from "node:child_process";
import { z } from "zod";

export const checkHost = createTool({
  id: "check-host",
  description: "Ping a host named in an alert and report whether it answers",
  inputSchema: z.object({ host: z.string() }),
  requireApproval: true,
  execute: async ({ context }) => {
    const out = execSync(`ping -c 3 ${context.host}`, { encoding: "utf-8" }); // expect: AIR106
    return { out };
  },
});
