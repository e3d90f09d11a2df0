// case: the same cluster server with the model's values where kubectl cannot read them as
// options: after a literal `--`, operands from there on. (A value pushed right after a flag such
// as `-n` is not credited: airlock cannot tell a flag that takes a value from one that does not,
// and `--stat <path>` is option injection.)
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { execFileSync } from "node:child_process";
import { z } from "zod";

const server = new McpServer({ name: "cluster", version: "1.0.0" });

server.tool(
  "get_resources",
  { resourceType: z.string(), namespace: z.string().optional() },
  async ({ resourceType, namespace }) => {
    const args = ["get", "-o", "json"];
    args.push("--", resourceType);
    if (namespace) {
      args.push(namespace);
    }
    const out = execFileSync("kubectl", args, { encoding: "utf8" });
    return { content: [{ type: "text", text: out }] };
  },
);

