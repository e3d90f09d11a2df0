#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { realpathSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { registerFileTools } from "./tools.js";

const argv = process.argv.slice(2);
if (argv.length === 0) {
  console.error("Usage: mcp-server-files <allowed-directory> [additional-directories...]");
  process.exit(1);
}

function expandHome(p: string): string {
  if (p === "~" || p.startsWith("~/")) {
    return path.join(os.homedir(), p.slice(1));
  }
  return p;
}

// Normalise once at startup so every later comparison is against real, absolute paths.
const allowedDirectories = argv.map((dir) => realpathSync(path.resolve(expandHome(dir))));

const server = new McpServer({ name: "files", version: "0.3.1" });
registerFileTools(server, allowedDirectories);

async function main() {
  const transport = new StdioServerTransport();
  await server.connect(transport);
  console.error(`files server ready; allowed directories: ${allowedDirectories.join(", ")}`);
}

main().catch((err) => {
  console.error("Fatal error:", err);
  process.exit(1);
});
