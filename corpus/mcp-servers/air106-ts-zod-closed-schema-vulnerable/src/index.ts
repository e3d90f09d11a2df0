// case: AIR106 — the tool tails a service's journal through a shell; the unit name comes from the
// model as free text (`z.string()`), so `;` or `$(...)` in it runs.
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
      unit: z.string().describe("the systemd unit"),
      lines: z.number().int().min(1).max(500).default(50),
    },
    annotations: { readOnlyHint: true }, // expect: AIR306
  },
  async ({ unit, lines }) => {
    const out = execSync(`journalctl -u ${unit} -n ${lines} --no-pager`, { encoding: "utf8" }); // expect: AIR106
    return { content: [{ type: "text", text: out }] };
  },
);

await server.connect(new StdioServerTransport());
