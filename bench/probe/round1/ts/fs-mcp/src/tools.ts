import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { validatePath, withinAllowed } from "./paths.js";

const text = (t: string) => ({ content: [{ type: "text" as const, text: t }] });

export function registerFileTools(server: McpServer, allowed: string[]) {
  server.registerTool(
    "read_text_file",
    {
      title: "Read text file",
      description: "Read the contents of a UTF-8 text file inside the allowed directories.",
      inputSchema: { path: z.string(), head: z.number().int().positive().optional() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ path: p, head }) => {
      const file = await validatePath(allowed, p);
      const body = await fs.readFile(file, "utf-8");
      return text(head ? body.split("\n").slice(0, head).join("\n") : body);
    },
  );

  server.registerTool(
    "write_file",
    {
      title: "Write file",
      description: "Create a new file or overwrite an existing file with the given content.",
      inputSchema: { path: z.string(), content: z.string() },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ path: p, content }) => {
      const file = await validatePath(allowed, p);
      await fs.writeFile(file, content, "utf-8");
      return text(`Wrote ${Buffer.byteLength(content)} bytes to ${p}`);
    },
  );

  server.registerTool(
    "append_note",
    {
      title: "Append note",
      description: "Append a single line to a notes file such as NOTES.md.",
      inputSchema: { path: z.string(), line: z.string() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ path: p, line }) => {
      const file = await validatePath(allowed, p);
      await fs.appendFile(file, `${line}\n`, "utf-8");
      return text("ok");
    },
  );

  server.registerTool(
    "edit_file",
    {
      title: "Edit file",
      description: "Replace every occurrence of oldText with newText in a file.",
      inputSchema: { path: z.string(), oldText: z.string(), newText: z.string() },
      annotations: { readOnlyHint: false, destructiveHint: true },
    },
    async ({ path: p, oldText, newText }) => {
      if (!withinAllowed(allowed, p)) {
        console.error(`[files] warning: edit_file called on ${p}, outside allowed directories`);
      }
      const original = await fs.readFile(p, "utf-8");
      const count = original.split(oldText).length - 1;
      await fs.writeFile(p, original.replaceAll(oldText, newText), "utf-8");
      return text(`${count} replacement(s) in ${p}`);
    },
  );

  server.registerTool(
    "delete_path",
    {
      title: "Delete path",
      description: "Delete a file or directory (recursively), relative to the primary directory.",
      inputSchema: { target: z.string().min(1) },
      annotations: { readOnlyHint: false, destructiveHint: true },
    },
    async ({ target }) => {
      const full = path.join(allowed[0], target);
      await fs.rm(full, { recursive: true, force: true });
      return text(`Removed ${target}`);
    },
  );

  server.registerTool(
    "list_allowed_directories",
    {
      title: "List allowed directories",
      description: "Show which directories this server can access.",
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    async () => text(allowed.join("\n")),
  );
}
