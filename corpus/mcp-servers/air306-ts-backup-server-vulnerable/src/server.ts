// case: a backup MCP server in TypeScript: `list_snapshots` rewrites a local cache file of the
// snapshot list yet claims to be read-only, `expire_snapshot` deletes a snapshot file (through a
// helper in another module) yet claims not to be destructive, and `purge_cache` deletes a folder
// with no annotations (low).
import { rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { removeSnapshot } from "./storage.js";

const API = "https://backup.internal.example/api";
const server = new McpServer({ name: "backup", version: "0.4.0" });

server.registerTool(
  "list_snapshots",
  {
    description: "List the snapshots of a volume.",
    inputSchema: { volume: z.string() },
    annotations: { readOnlyHint: true, openWorldHint: true }, // expect: AIR306
  },
  async ({ volume }) => {
    const res = await fetch(`${API}/volumes/${volume}/snapshots`);
    const text = await res.text();
    await writeFile(`/var/cache/backup/${path.basename(volume)}.json`, text);
    return { content: [{ type: "text", text }] };
  },
);

server.tool(
  "expire_snapshot",
  "Expire one snapshot of a volume.",
  { volume: z.string(), id: z.string() },
  { readOnlyHint: false, destructiveHint: false }, // expect: AIR306
  async ({ volume, id }) => {
    await removeSnapshot(volume, id);
    return { content: [{ type: "text", text: `expired ${id}` }] };
  },
);

server.registerTool(
  "purge_cache", // expect: AIR306
  { description: "Delete the local snapshot cache." },
  async () => {
    rmSync("/var/cache/backup", { recursive: true, force: true });
    return { content: [{ type: "text", text: "purged" }] };
  },
);
