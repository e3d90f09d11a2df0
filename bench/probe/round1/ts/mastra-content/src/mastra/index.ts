import { Mastra } from "@mastra/core/mastra";
import { LibSQLStore } from "@mastra/libsql";
import { contentAgent } from "./agents/content-agent";
import { publishWorkflow } from "./workflows/publish-workflow";

export const mastra = new Mastra({
  agents: { contentAgent },
  workflows: { publishWorkflow },
  storage: new LibSQLStore({ url: "file:../mastra.db" }),
});
