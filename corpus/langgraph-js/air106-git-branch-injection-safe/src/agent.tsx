// case: AIR106 safe. The model picks a release line by key; the command comes from a fixed
// table, so nothing the model writes reaches the shell. (`.tsx`.)
import { execSync } from "node:child_process";
import { createAgent, tool } from "langchain";
import * as z from "zod";

const COMMANDS: Record<string, string> = {
  stable: "git checkout release/stable && git log -1 --oneline",
  next: "git checkout release/next && git log -1 --oneline",
};

export const checkout = tool(
  async ({ branch }) => {
    const out = execSync(COMMANDS[branch]);
    return out.toString();
  },
  { name: "checkout_branch", description: "Check out a branch", schema: z.object({ branch: z.enum(["stable", "next"]) }) },
);

export const releaser = createAgent({ model: "openai:gpt-4.1", tools: [checkout] });
