import { tool } from "ai";
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";

const execFileP = promisify(execFile);
export const WORKSPACE = path.resolve(process.env.TRIAGE_WORKSPACE ?? "./checkout");

function resolveInWorkspace(relPath: string): string {
  const abs = path.resolve(WORKSPACE, relPath);
  if (abs !== WORKSPACE && !abs.startsWith(WORKSPACE + path.sep)) {
    throw new Error(`refusing to touch ${relPath}: outside of workspace`);
  }
  return abs;
}

export const workspaceTools = {
  readWorkspaceFile: tool({
    description: "Read a file from the checked-out repository.",
    inputSchema: z.object({ path: z.string() }),
    execute: async ({ path: rel }) => {
      const contents = await readFile(resolveInWorkspace(rel), "utf8");
      return contents.length > 30_000 ? contents.slice(0, 30_000) + "\n/* truncated */" : contents;
    },
  }),

  applyPatch: tool({
    description: "Replace the full contents of a file in the checkout with the fixed version.",
    inputSchema: z.object({ path: z.string(), contents: z.string() }),
    execute: async ({ path: rel, contents }) => {
      const target = path.join(WORKSPACE, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, contents);
      return { ok: true, bytes: Buffer.byteLength(contents) };
    },
  }),

  runTests: tool({
    description: "Run the vitest suite, optionally filtered by a file/name pattern.",
    inputSchema: z.object({ pattern: z.string().optional() }),
    execute: async ({ pattern }) => {
      const args = ["vitest", "run", "--reporter=dot"];
      if (pattern) args.push("--testNamePattern", pattern);
      try {
        const { stdout } = await execFileP("npx", args, { cwd: WORKSPACE, timeout: 180_000 });
        return { passed: true, output: stdout.slice(-4000) };
      } catch (err: any) {
        return { passed: false, output: String(err.stdout ?? err.message).slice(-4000) };
      }
    },
  }),
};
