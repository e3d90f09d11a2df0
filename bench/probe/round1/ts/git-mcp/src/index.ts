import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { execSync } from "node:child_process";
import { TOOL_DEFINITIONS } from "./definitions.js";
import { GitRunner } from "./git.js";
import { runCommand, runScript } from "./shell.js";

const repoRoot = process.env.GIT_REPO_ROOT ?? process.cwd();
const git = new GitRunner(repoRoot);

const server = new Server(
  { name: "git-runner", version: "1.2.0" },
  { capabilities: { tools: {} } },
);

server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: TOOL_DEFINITIONS }));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = (request.params.arguments ?? {}) as Record<string, any>;
  try {
    let output: string;
    switch (request.params.name) {
      case "git_status":
        output = await git.status();
        break;
      case "git_log":
        output = await git.log(args.branch, args.maxCount ?? 20);
        break;
      case "git_diff":
        output = await git.diff(args.target);
        break;
      case "git_commit":
        output = await git.commit(String(args.message ?? ""));
        break;
      case "git_checkout":
        output = execSync(`git checkout ${args.branch}`, { cwd: repoRoot, encoding: "utf8" });
        break;
      case "npm_script":
        output = await runScript(repoRoot, args.script);
        break;
      case "run_command":
        output = await runCommand(args.command, repoRoot, args.timeoutMs);
        break;
      default:
        throw new Error(`Unknown tool: ${request.params.name}`);
    }
    return { content: [{ type: "text", text: output || "(no output)" }] };
  } catch (err) {
    return {
      content: [{ type: "text", text: `Error: ${err instanceof Error ? err.message : String(err)}` }],
      isError: true,
    };
  }
});

async function main() {
  await server.connect(new StdioServerTransport());
  console.error(`git-runner MCP server on stdio (repo: ${repoRoot})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
