// case: the backup server with annotations that match the handlers: the refresh is an
// open-world write, the expiry and the purge are destructive.
import { rmSync } from "node:fs";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { removeSnapshot } from "./storage.js";

const API = "https://backup.internal.example/api";
const server = new McpServer({ name: "backup", version: "0.4.0" });
const DESTRUCTIVE = { readOnlyHint: false, destructiveHint: true, idempotentHint: true };

server.registerTool(
  "list_snapshots",
  {
    description: "Refresh and list the snapshots of a volume.",
    inputSchema: { volume: z.string() },
    annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  },
  async ({ volume }) => {
    const res = await fetch(`${API}/volumes/${volume}/snapshots:refresh`, { method: "POST" });
    return { content: [{ type: "text", text: await res.text() }] };
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
