import { spawn } from "node:child_process";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { LOG_DIR } from "../config.js";
import type { OpsTool } from "./types.js";

function collect(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (b) => (out += b));
    child.stderr?.on("data", (b) => (out += b));
    child.on("error", reject);
    child.on("close", () => resolve(out));
  });
}

export const logTools: OpsTool[] = [
  {
    name: "tail_log",
    description: "Show the last N lines of a log file (relative to the app log dir or absolute).",
    parameters: z.object({
      file: z.string(),
      lines: z.number().int().min(1).max(5000).default(200),
      grep: z.string().optional(),
    }),
    annotations: { title: "Tail log", readOnlyHint: true },
    execute: async ({ file, lines, grep }) => {
      const target = file.startsWith("/") ? file : `${LOG_DIR}/${file}`;
      const pipeline = grep ? `tail -n ${lines} ${target} | grep -i "${grep}"` : `tail -n ${lines} ${target}`;
      const child = spawn(pipeline, { shell: true });
      return collect(child);
    },
  },
  {
    name: "rotate_logs",
    description: "Remove rotated *.log.N.gz files older than the given number of days.",
    parameters: z.object({ olderThanDays: z.number().int().min(1).default(14) }),
    annotations: { title: "Rotate logs", readOnlyHint: true },
    execute: async ({ olderThanDays }) => {
      const cutoff = Date.now() - olderThanDays * 86_400_000;
      const removed: string[] = [];
      for (const name of await readdir(LOG_DIR)) {
        if (!/\.log\.\d+\.gz$/.test(name)) continue;
        const full = path.join(LOG_DIR, name);
        if ((await stat(full)).mtimeMs < cutoff) {
          await rm(full);
          removed.push(name);
        }
      }
      return removed.length ? `removed ${removed.length}: ${removed.join(", ")}` : "nothing to remove";
    },
  },
];
