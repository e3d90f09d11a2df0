// case: AIR102 vulnerable (the Done-when case). OpenAI Agents SDK for JavaScript: a triage agent
// reads web search results (hosted `webSearchTool()`) and hands off (a plain agent in `handoffs`)
// to a refunds agent whose `tool({ execute })` issues Stripe refunds with no approval: a web
// page can steer a refund.
import { Agent, run, tool, webSearchTool } from "@openai/agents";
import Stripe from "stripe";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_KEY!);

const issueRefund = tool({ // expect: AIR102
  name: "issue_refund",
  description: "Refund a customer's charge",
  parameters: z.object({ chargeId: z.string() }),
  execute: async ({ chargeId }) => {
    const r = await stripe.refunds.create({ charge: chargeId }); // path: AIR102
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
  tools: [webSearchTool()], // path: AIR102
  handoffs: [refunds], // path: AIR102
});

const result = await run(triage, "My order arrived broken, see https://status.example.com");
console.log(result.finalOutput);
