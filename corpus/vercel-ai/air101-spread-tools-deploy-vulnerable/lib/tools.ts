import { tool } from "ai";
import { z } from "zod";
import { exec } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(exec);

export const opsTools = {
  deployBranch: tool({  // expect: AIR101
    description: "Deploy a branch to staging",
    inputSchema: z.object({ branch: z.string() }),
    execute: async ({ branch }) => {
      await run(`./scripts/deploy.sh ${branch}`); // expect: AIR106
      return { deployed: branch };
    },
  }),
  confirmWithUser: tool({
    description: "Ask the user to confirm; the browser answers",
    inputSchema: z.object({ question: z.string() }),
  }),
};
