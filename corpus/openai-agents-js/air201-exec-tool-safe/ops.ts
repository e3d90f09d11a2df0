// case: AIR201 safe. The ops agent's tool runs one fixed, argument-free command (`df -h` through
// `execFile`, no shell); nothing the model writes is executed.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Agent, run, tool } from "@openai/agents";
import { z } from "zod";

const execFileP = promisify(execFile);

const diskUsage = tool({
  name: "disk_usage",
  description: "Report the build server's disk usage",
  parameters: z.object({}),
  execute: async () => {
    const { stdout } = await execFileP("df", ["-h"]);
    return stdout;
  },
});

export const ops = new Agent({
  name: "Ops",
  instructions: "Keep the build server healthy.",
  tools: [diskUsage],
});

await run(ops, "Free some disk space.");
