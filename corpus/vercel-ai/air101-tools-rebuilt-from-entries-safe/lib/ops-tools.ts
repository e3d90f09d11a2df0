import { tool } from "ai";
import { execSync } from "node:child_process";
import { z } from "zod";

export const baseTools = {
  restartService: tool({
    description: "Restart one of the app's systemd services",
    inputSchema: z.object({ service: z.enum(["api", "worker", "scheduler"]) }),
    needsApproval: true,
    execute: async ({ service }) => execSync(`systemctl restart app-${service}`, { encoding: "utf8" }),
  }),
};

// Every tool is exposed to the model under an `ops_` prefix.
export const opsTools = Object.fromEntries(
  Object.entries(baseTools).map(([name, t]) => [`ops_${name}`, t]),
);
