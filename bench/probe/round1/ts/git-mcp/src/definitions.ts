import type { Tool } from "@modelcontextprotocol/sdk/types.js";

export const TOOL_DEFINITIONS: Tool[] = [
  {
    name: "git_status",
    description: "Show the working tree status of the repository",
    inputSchema: { type: "object", properties: {} },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: "git_log",
    description: "Show recent commits on a branch",
    inputSchema: {
      type: "object",
      properties: {
        branch: { type: "string", description: "Branch or ref, defaults to HEAD" },
        maxCount: { type: "number", description: "Number of commits", default: 20 },
      },
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: "git_diff",
    description: "Diff the working tree against a ref",
    inputSchema: {
      type: "object",
      properties: { target: { type: "string", description: "Ref to diff against" } },
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: "git_commit",
    description: "Stage all changes and record a commit",
    inputSchema: {
      type: "object",
      properties: { message: { type: "string" } },
      required: ["message"],
    },
    annotations: { readOnlyHint: false, openWorldHint: false },
  },
  {
    name: "git_checkout",
    description: "Switch to another branch",
    inputSchema: {
      type: "object",
      properties: { branch: { type: "string" } },
      required: ["branch"],
    },
    annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: false },
  },
  {
    name: "npm_script",
    description: "Run one of the package scripts: test, lint, build or typecheck",
    inputSchema: {
      type: "object",
      properties: { script: { type: "string", enum: ["test", "lint", "build", "typecheck"] } },
      required: ["script"],
    },
    annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: false },
  },
  {
    name: "run_command",
    description: "Run an arbitrary command in the repository directory",
    inputSchema: {
      type: "object",
      properties: {
        command: { type: "string" },
        timeoutMs: { type: "number" },
      },
      required: ["command"],
    },
    annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  },
];
