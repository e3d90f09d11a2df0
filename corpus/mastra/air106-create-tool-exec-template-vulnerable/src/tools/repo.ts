// case: AIR106 — a Mastra tool runs `git` through a shell with the model's ref in a template
// literal; `execSync` comes in under another name.
import { createTool } from "@mastra/core/tools";
import { execSync as sh } from "node:child_process";
import { z } from "zod";

export const gitHistory = createTool({
  id: "git-history",
  description: "Show the history of a branch or tag",
  inputSchema: z.object({ ref: z.string(), limit: z.number().int().max(50) }),
  execute: async ({ context }) => {
    const out = sh(`git log --oneline -n ${context.limit} ${context.ref}`, { cwd: "/srv/repo" }); // expect: AIR106
    return { log: out.toString() };
  },
});
