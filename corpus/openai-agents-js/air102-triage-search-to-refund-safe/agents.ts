// case: AIR102 safe. The Done-when case with `needsApproval: true` on the refund tool: every
// refund waits for a person, whatever the web page says.
import { Agent, run, tool, webSearchTool } from "@openai/agents";
import Stripe from "stripe";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_KEY!);

const issueRefund = tool({
  name: "issue_refund",
  description: "Refund a customer's charge",
  parameters: z.object({ chargeId: z.string() }),
  needsApproval: true,
  execute: async ({ chargeId }) => {
    const r = await stripe.refunds.create({ charge: chargeId });
    return r.status;
  },
});

const refunds = new Agent({
  name: "Refunds",
  instructions: "Issue refunds the triage agent asks for.",
  tools: [issueRefund],
});

export const triage = new Agent({
  name: "Triage",
  instructions: "Look the customer's problem up on the web, then hand off.",
  tools: [webSearchTool()],
  handoffs: [refunds],
});

const result = await run(triage, "My order arrived broken, see https://status.example.com");
console.log(result.finalOutput);
