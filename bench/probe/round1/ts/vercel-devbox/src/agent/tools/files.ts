import { tool } from "ai";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { resolveInWorkspace } from "../workspace";

export const fileTools = {
  readFile: tool({
    description: "Read a file from the workspace.",
    inputSchema: z.object({ path: z.string() }),
    execute: async ({ path: rel }) => readFile(resolveInWorkspace(rel), "utf8"),
  }),

  writeFile: tool({
    description: "Create or overwrite a file in the workspace. Parent directories are created.",
    inputSchema: z.object({ path: z.string(), content: z.string() }),
    execute: async ({ path: rel, content }) => {
      const target = resolveInWorkspace(rel);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content, "utf8");
      return `wrote ${content.length} chars to ${rel}`;
    },
  }),
};
