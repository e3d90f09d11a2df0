#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { exec, execFile } from "node:child_process";
import { appendFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";

const execFileAsync = promisify(execFile);

const ROOT = path.resolve(process.env.DEVBOX_ROOT ?? process.cwd());
const NOTES = path.join(ROOT, "NOTES.md");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache");
const MAX_OUTPUT = 20_000;

// ---- helpers ---------------------------------------------------------------

function text(body: string) {
  const trimmed = body.length > MAX_OUTPUT ? body.slice(0, MAX_OUTPUT) + "\n…[truncated]" : body;
  return { content: [{ type: "text" as const, text: trimmed }] };
}

function insideRoot(p: string): string {
  const resolved = path.resolve(ROOT, p);
  const rel = path.relative(ROOT, resolved);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new Error(`path escapes workspace: ${p}`);
  }
  return resolved;
}

function sh(cmd: string): Promise<string> {
  return new Promise((resolve) => {
    exec(cmd, { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve([stdout, stderr, err ? `exit: ${err.code}` : ""].filter(Boolean).join("\n"));
    });
  });
}

// ---- server ----------------------------------------------------------------

const server = new McpServer({ name: "devbox", version: "0.3.1" });

server.registerTool(
  "run_npm_script",
  {
    title: "Run npm script",
    description: "Run one of the scripts from package.json (build, test, lint, ...).",
    inputSchema: {
      script: z.string().describe("script name from package.json"),
      args: z.string().optional().describe("extra args passed after --"),
    },
    annotations: { readOnlyHint: false, openWorldHint: false },
  },
  async ({ script, args }) => {
    const out = await new Promise<string>((resolve) => {
      exec(`npm run ${script} -- ${args ?? ""}`, { cwd: ROOT, timeout: 300_000 }, (err, stdout, stderr) =>
        resolve(`${stdout}\n${stderr}${err ? `\nexit ${err.code}` : ""}`),
      );
    });
    return text(out);
  },
);

server.registerTool(
  "git_show",
  {
    title: "Show a commit",
    description: "git show --stat for a commit, branch or tag.",
    inputSchema: { ref: z.string().default("HEAD") },
    annotations: { readOnlyHint: true },
  },
  async ({ ref }) => {
    if (!/^[\w./~^-]+$/.test(ref) || ref.startsWith("-")) {
      throw new Error(`bad ref: ${ref}`);
    }
    const { stdout } = await execFileAsync("git", ["show", "--stat", "--no-color", ref], { cwd: ROOT });
    return text(stdout);
  },
);

server.registerTool(
  "read_file",
  {
    title: "Read file",
    description: "Read a UTF-8 file from the workspace.",
    inputSchema: { file: z.string() },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async ({ file }) => {
    const full = insideRoot(file);
    const body = await readFile(full, "utf8");
    return text(body);
  },
);

// TODO: tighten this up, copied the read_file block as a starting point
server.registerTool(
  "write_file",
  {
    title: "Write file",
    description: "Create or overwrite a file. Parent folders are created as needed.",
    inputSchema: { file: z.string(), content: z.string() },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async ({ file, content }) => {
    const target = path.resolve(ROOT, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content, "utf8");
    return text(`wrote ${content.length} bytes to ${target}`);
  },
);

server.tool(
  "log_note",
  "Append a timestamped line to NOTES.md so we remember what we did.",
  { note: z.string().max(2000) },
  { readOnlyHint: true },
  async ({ note }) => {
    await appendFile(NOTES, `- ${new Date().toISOString()} ${note.replace(/\n/g, " ")}\n`);
    return text("noted");
  },
);

server.tool(
  "clear_cache",
  "Delete node_modules/.cache (babel, eslint, vite caches).",
  {},
  { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
  async () => {
    await rm(CACHE_DIR, { recursive: true, force: true });
    return text(`removed ${CACHE_DIR}`);
  },
);

server.tool("node_version", "Which node/npm versions are on PATH.", async () => text(await sh("node -v && npm -v")));

const transport = new StdioServerTransport();
await server.connect(transport);
console.error(`devbox MCP server ready (root: ${ROOT})`);
