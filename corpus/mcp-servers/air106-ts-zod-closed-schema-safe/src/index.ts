// case: AIR106 (safe) — the tool tails a service's journal through a shell; the input schema closes
// both arguments (`z.enum([...])` of the units it serves, `z.number().int()`): the SDK rejects any
// other value before the handler runs, so no model text reaches the command.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { execSync } from "node:child_process";
import { z } from "zod";

const server = new McpServer({ name: "service-logs", version: "0.4.1" });

server.registerTool(
  "tail_service_log",
  {
    description: "The last lines of one service's journal.",
    inputSchema: {
      unit: z.enum(["nginx", "postgresql", "app-worker"]).describe("the systemd unit"),
      lines: z.number().int().min(1).max(500).default(50),
    },
    annotations: { readOnlyHint: true },
  },
  async ({ unit, lines }) => {
    const out = execSync(`journalctl -u ${unit} -n ${lines} --no-pager`, { encoding: "utf8" });
    return { content: [{ type: "text", text: out }] };
  },
);

await server.connect(new StdioServerTransport());
