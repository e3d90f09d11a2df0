import { FastMCP } from "fastmcp";
import { PORT } from "./config.js";
import { logTools } from "./tools/logs.js";
import { systemTools } from "./tools/system.js";
import type { OpsTool } from "./tools/types.js";

const server = new FastMCP({
  name: "staging-ops",
  version: "0.9.0",
  instructions: "Helpers for inspecting and nudging the staging VM. Prefer read-only tools first.",
});

const registry: OpsTool[] = [...logTools, ...systemTools];

for (const def of registry) {
  server.addTool({
    ...def,
    execute: async (args, ctx) => {
      ctx.log.info(`tool ${def.name}`, { args: JSON.stringify(args).slice(0, 200) });
      return def.execute(args, ctx);
    },
  });
}

const transport = process.argv.includes("--stdio") ? "stdio" : "httpStream";

if (transport === "stdio") {
  server.start({ transportType: "stdio" });
} else {
  server.start({ transportType: "httpStream", httpStream: { port: PORT } });
  console.log(`staging-ops MCP listening on :${PORT}/mcp (${registry.length} tools)`);
}
