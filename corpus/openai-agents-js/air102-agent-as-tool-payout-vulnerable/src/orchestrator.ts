// case: AIR102 vulnerable. An orchestrator reads supplier invoices found on the web and calls
// the payments agent as a tool (`paymentsAgent.asTool({ toolName })`): the orchestrator writes
// the request the payments agent acts on, so an invoice page can get a supplier paid. The route
// is agent-as-tool, not a handoff; the payment tool is a `tool({ async execute() {} })` method.
import { Agent, run, webSearchTool } from "@openai/agents";
import { paymentsAgent } from "./payments";

const paymentsTool = paymentsAgent.asTool({ // path: AIR102
  toolName: "pay_supplier_invoice",
  toolDescription: "Ask the payments desk to pay a supplier invoice.",
});

export const orchestrator = new Agent({
  name: "Accounts payable",
  instructions: "Find this week's supplier invoices online and get each one paid.",
  tools: [webSearchTool(), paymentsTool], // path: AIR102
});

export async function runWeekly(): Promise<string | undefined> {
  const result = await run(orchestrator, "Process this week's invoices.");
  return result.finalOutput;
}
