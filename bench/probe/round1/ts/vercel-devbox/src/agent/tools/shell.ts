import { tool } from "ai";
import { exec, execFile } from "node:child_process";
import { promisify } from "node:util";
import vm from "node:vm";
import { evaluate } from "mathjs";
import { z } from "zod";
import { WORKSPACE } from "../workspace";

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

export const shellTools = {
  runCommand: tool({
    description: "Run a shell command inside the workspace and return stdout and stderr.",
    inputSchema: z.object({
      command: z.string().describe("e.g. `ls -la src` or `cat package.json`"),
    }),
    execute: async ({ command }) => {
      try {
        const { stdout, stderr } = await execAsync(command, { cwd: WORKSPACE, timeout: 60_000 });
        return { stdout, stderr };
      } catch (err: any) {
        return { error: err.message, stdout: err.stdout, stderr: err.stderr };
      }
    },
  }),

  runTests: tool({
    description: "Run the project's vitest suite, optionally only tests whose file matches a filter.",
    inputSchema: z.object({ filter: z.string().optional() }),
    needsApproval: true,
    execute: async ({ filter }) => {
      if (filter && !/^[\w][\w./-]*$/.test(filter)) {
        throw new Error(`invalid test filter: ${filter}`);
      }
      const args = ["vitest", "run", "--reporter=dot", ...(filter ? [filter] : [])];
      const { stdout } = await execFileAsync("npx", args, { cwd: WORKSPACE, timeout: 300_000 });
      return stdout.slice(-8000);
    },
  }),

  evalJs: tool({
    description: "Evaluate a JavaScript snippet for quick data wrangling. The value of the last expression is returned.",
    inputSchema: z.object({ code: z.string() }),
    execute: async ({ code }) => {
      const result = vm.runInNewContext(code, { JSON, Math, Date }, { timeout: 2000 });
      return typeof result === "string" ? result : JSON.stringify(result);
    },
  }),

  calculate: tool({
    description: "Evaluate an arithmetic or unit-conversion expression, e.g. `12 MB to KB`.",
    inputSchema: z.object({ expression: z.string() }),
    execute: async ({ expression }) => ({ result: evaluate(expression).toString() }),
  }),
};
