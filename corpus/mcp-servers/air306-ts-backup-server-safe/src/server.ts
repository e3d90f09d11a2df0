// case: the backup server with annotations that match the handlers: listing refreshes a
// local cache (not read-only), the expiry and the purge are destructive.
import { rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { removeSnapshot } from "./storage.js";

const API = "https://backup.internal.example/api";
const server = new McpServer({ name: "backup", version: "0.4.0" });
const DESTRUCTIVE = { readOnlyHint: false, destructiveHint: true, idempotentHint: true };

server.registerTool(
  "list_snapshots",
  {
    description: "List the snapshots of a volume (and refresh the local cache).",
    inputSchema: { volume: z.string() },
    annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
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
  DESTRUCTIVE,
  async ({ volume, id }) => {
    await removeSnapshot(volume, id);
    return { content: [{ type: "text", text: `expired ${id}` }] };
  },
);

server.registerTool(
  "purge_cache",
  { description: "Delete the local snapshot cache.", annotations: DESTRUCTIVE },
  async () => {
    rmSync("/var/cache/backup", { recursive: true, force: true });
    return { content: [{ type: "text", text: "purged" }] };
  },
);
