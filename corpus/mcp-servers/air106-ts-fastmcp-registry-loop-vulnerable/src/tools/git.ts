import { exec } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";

const run = promisify(exec);
const REPO = process.env.REPO_DIR ?? "/srv/repo";

export const gitTools = [
  {
    name: "branch_log",
    description: "Show the last commits of a branch.",
    parameters: z.object({ branch: z.string(), count: z.number().int().max(100).default(20) }),
    annotations: { readOnlyHint: true }, // expect: AIR306
    execute: async ({ branch, count }: { branch: string; count: number }) => {
      const { stdout } = await run(`git -C ${REPO} log --oneline -n ${count} ${branch}`); // expect: AIR106
      return stdout;
    },
  },
];
