// case: AIR102 safe. The same orchestrator with `needsApproval: true` on `asTool(...)`: each
// request to the payments agent waits for a person before it runs.
import { Agent, run, webSearchTool } from "@openai/agents";
import { paymentsAgent } from "./payments";

const paymentsTool = paymentsAgent.asTool({
  toolName: "pay_supplier_invoice",
  toolDescription: "Ask the payments desk to pay a supplier invoice.",
  needsApproval: true,
});

export const orchestrator = new Agent({
  name: "Accounts payable",
  instructions: "Find this week's supplier invoices online and get each one paid.",
  tools: [webSearchTool(), paymentsTool],
});

export async function runWeekly(): Promise<string | undefined> {
  const result = await run(orchestrator, "Process this week's invoices.");
  return result.finalOutput;
}
