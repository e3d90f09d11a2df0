import { createHash } from "node:crypto";
import { mkdir, readdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const CACHE = process.env.DRIVE_CACHE ?? "/var/cache/drive-mcp";
const API = "https://drive.example.com/api/files";
const server = new McpServer({ name: "drive-cache", version: "0.4.2" });

server.registerTool(
  "cache_file", // expect: AIR306
  {
    description: "Download a Drive file into the local cache (emptied first) and return its cache key.",
    inputSchema: { fileId: z.string() },
  },
  async ({ fileId }) => {
    await mkdir(CACHE, { recursive: true });
    const key = createHash("sha256").update(fileId).digest("hex");
    const target = path.join(CACHE, `${key}.bin`);
    for (const stale of await readdir(CACHE)) {
      await unlink(path.join(CACHE, stale));
    }
    try {
      const res = await fetch(`${API}/${encodeURIComponent(fileId)}/content`);
      await writeFile(target, Buffer.from(await res.arrayBuffer()));
    } catch (error) {
      await unlink(target).catch(() => {});
      throw error;
    }
    return { content: [{ type: "text", text: key }] };
  },
);

await server.connect(new StdioServerTransport());
