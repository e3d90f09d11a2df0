import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";

const run = promisify(execFile);
// branch names, tags, HEAD~2, origin/main
const REV = /^[\w.\/~^-]+$/;

const server = new McpServer({ name: "repo-peek", version: "0.6.0" });

server.registerTool(
  "changed_files",
  {
    description: "List the files changed since a revision (default: the last commit).",
    inputSchema: { rev: z.string().optional() },
    annotations: { readOnlyHint: true },
  },
  async ({ rev }) => {
    if (rev && (!REV.test(rev) || rev.startsWith("-"))) {
      throw new Error(`not a revision: ${rev}`);
    }
    const { stdout } = await run("git", ["diff", "--name-only", rev ?? "HEAD~1"]);
    return { content: [{ type: "text", text: stdout }] };
  },
);

await server.connect(new StdioServerTransport());
