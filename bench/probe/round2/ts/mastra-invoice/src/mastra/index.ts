import { Mastra } from "@mastra/core/mastra";
import { LibSQLStore } from "@mastra/libsql";
import { billingAgent, intakeAgent } from "./agents";
import { payoutWorkflow } from "./workflows/payout-workflow";

export const mastra = new Mastra({
  agents: { intakeAgent, billingAgent },
  workflows: { payoutWorkflow },
  storage: new LibSQLStore({ url: "file:../mastra.db" }),
});
