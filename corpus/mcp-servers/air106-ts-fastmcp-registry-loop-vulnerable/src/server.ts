// case: a fastmcp server whose tools are plain records in two modules, gathered into one
// registry with spreads and registered in a loop; each registration spreads the record and
// replaces `execute` with a wrapper that logs and then calls the record's own `execute`. The
// git tool splices the model's branch name into a shell command, and the cleanup tool deletes
// files while its record declares it read-only.
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
