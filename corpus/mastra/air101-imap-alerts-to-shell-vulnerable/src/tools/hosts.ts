// case: AIR101 — the agent reads an alerts mailbox (imapflow, mailparser) and holds a shell tool
// with no approval; nothing else it is given is untrusted (its prompt is a literal).
import { createTool } from "@mastra/core/tools";
import { execSync } from "node:child_process";
import { z } from "zod";

export const checkHost = createTool({ // expect: AIR101
  id: "check-host",
  description: "Ping a host named in an alert and report whether it answers",
  inputSchema: z.object({ host: z.string() }),

  execute: async ({ context }) => {
    const out = execSync(`ping -c 3 ${context.host}`, { encoding: "utf-8" }); // expect: AIR106
    return { out };
  },
});
