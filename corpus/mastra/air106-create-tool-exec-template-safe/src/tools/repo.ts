// case: AIR106 (safe) — the same tool with an argument list and no shell; a ref must be a plain
// name (no leading `-`, so it cannot be read as an option).
import { createTool } from "@mastra/core/tools";
import { execFileSync as run } from "node:child_process";
import { z } from "zod";

const REF = /^[A-Za-z0-9._\/]+$/;

export const gitHistory = createTool({
  id: "git-history",
  description: "Show the history of a branch or tag",
  inputSchema: z.object({ ref: z.string(), limit: z.number().int().max(50) }),
  execute: async ({ context }) => {
    if (!REF.test(context.ref)) {
      throw new Error("not a branch or tag name");
    }
    const out = run("git", ["log", "--oneline", "-n", String(Number(context.limit)), context.ref], { cwd: "/srv/repo" });
    return { log: out.toString() };
  },
});
