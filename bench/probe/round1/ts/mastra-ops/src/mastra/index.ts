import { Mastra } from "@mastra/core/mastra";
import { PinoLogger } from "@mastra/loggers";
import { oncallAgent } from "./agents/oncall-agent";
import { triageWorkflow } from "./workflows/triage-workflow";

export const mastra = new Mastra({
  agents: { oncallAgent },
  workflows: { triageWorkflow },
  logger: new PinoLogger({ name: "oncall-copilot", level: "info" }),
});
