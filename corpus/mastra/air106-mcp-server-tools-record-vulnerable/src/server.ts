// case: AIR106 — a Mastra MCP server built from a record of tools (`new MCPServer({ tools: {...} })`):
// the runbook tool's model-chosen `names` are joined onto the runbook folder in a helper and read
// back whole, so `../` walks out of the folder. The record's key names the tool.
import { MCPServer } from "@mastra/mcp";
import { createTool } from "@mastra/core/tools";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const RUNBOOKS = path.join(process.cwd(), "runbooks");

async function loadRunbook(name: string) {
  const file = path.join(RUNBOOKS, name);
  return readFile(file, "utf-8"); // expect: AIR106
}

const runbookTool = {
  description: "Read one or more on-call runbooks by name",
  parameters: z.object({ names: z.array(z.string()).min(1) }),
  execute: async (args: { names: string[] }) => {
    const texts = await Promise.all(args.names.map(async (n) => loadRunbook(n)));
    return texts.join("\n\n---\n\n");
  },
};

const statusTool = createTool({
  id: "status",
  description: "Report whether the runbook folder is mounted",
  inputSchema: z.object({}),
  execute: async () => ({ mounted: RUNBOOKS.length > 0 }),
});

export const server = new MCPServer({
  name: "oncall-runbooks",
  version: "1.0.0",
  tools: { readRunbooks: runbookTool, status: statusTool },
});

await server.startStdio();
