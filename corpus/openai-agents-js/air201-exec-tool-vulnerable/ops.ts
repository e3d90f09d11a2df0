// case: AIR201 vulnerable. An ops agent's `tool({ execute })` runs whatever command the model
// writes on the host (`exec` from `node:child_process`, promisified). No untrusted source, so only
// the unsandboxed execution is at stake.
import { exec } from "node:child_process";
import { promisify } from "node:util";
import { Agent, run, tool } from "@openai/agents";
import { z } from "zod";

const sh = promisify(exec);

const runCommand = tool({ // expect: AIR201
  name: "run_command",
  description: "Run a shell command on the build server",
  parameters: z.object({ command: z.string() }),
  execute: async ({ command }) => {
    const { stdout } = await sh(command); // expect: AIR106
    return stdout;
  },
});

export const ops = new Agent({
  name: "Ops",
  instructions: "Keep the build server healthy.",
  tools: [runCommand],
});

await run(ops, "Free some disk space.");
