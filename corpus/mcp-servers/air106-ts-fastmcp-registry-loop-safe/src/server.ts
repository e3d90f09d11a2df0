// case: the same registry and loop as the vulnerable case; the git tool runs git with an argument
// list (no shell) after checking the branch against a pattern of ref characters, and the
// cleanup tool's record declares that it deletes.
import { FastMCP } from "fastmcp";
import { gitTools } from "./tools/git.js";
import { workspaceTools } from "./tools/workspace.js";

const server = new FastMCP({ name: "repo-helper", version: "1.2.0" });
const registry = [...gitTools, ...workspaceTools];

for (const entry of registry) {
  server.addTool({
    ...entry,
    execute: async (args, ctx) => {
      ctx.log.info(`calling ${entry.name}`);
      return entry.execute(args, ctx);
    },
  });
}

server.start({ transportType: "stdio" });
