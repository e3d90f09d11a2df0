import type { Tool } from "ai";
import { githubTools } from "./github.js";
import { workspaceTools } from "./workspace.js";

const allTools = { ...githubTools, ...workspaceTools };

type AnyTool = Tool<any, any>;

// Wrap every tool's execute with timing + structured logs. Spreading keeps
// description / inputSchema / needsApproval as-is.
function instrument(name: string, t: AnyTool): AnyTool {
  if (!t.execute) return t;
  const inner = t.execute;
  return {
    ...t,
    execute: async (input, options) => {
      const t0 = Date.now();
      try {
        return await inner(input, options);
      } finally {
        console.log(JSON.stringify({ evt: "tool", name, ms: Date.now() - t0, call: options.toolCallId }));
      }
    },
  };
}

export const triageTools = Object.fromEntries(
  Object.entries(allTools).map(([name, t]) => [name, instrument(name, t as AnyTool)]),
) as typeof allTools;

export { WORKSPACE } from "./workspace.js";
