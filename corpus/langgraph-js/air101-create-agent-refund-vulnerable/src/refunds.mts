import Stripe from "stripe";
import { tool } from "langchain";
import * as z from "zod";

const stripe = new Stripe(process.env.STRIPE_KEY ?? "");

async function refund({ chargeId, amount }: { chargeId: string; amount: number }) { // expect: AIR101
  const r = await stripe.refunds.create({ charge: chargeId, amount }); // path: AIR101
  return `refund ${r.id} issued`;
}

export const issueRefund = tool(refund, {
  name: "issue_refund",
  description: "Refund a customer charge",
  schema: z.object({ chargeId: z.string(), amount: z.number() }),
});
