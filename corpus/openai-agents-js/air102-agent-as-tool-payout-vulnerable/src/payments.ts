// The payments agent: it pays suppliers out through Stripe (`transfers.create`).
import { Agent, tool } from "@openai/agents";
import Stripe from "stripe";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");

export const paySupplier = tool({ // expect: AIR102
  name: "pay_supplier",
  description: "Pay a supplier's connected account",
  parameters: z.object({ accountId: z.string(), amountCents: z.number() }),
  async execute({ accountId, amountCents }) {
    const t = await stripe.transfers.create({ amount: amountCents, currency: "usd", destination: accountId }); // path: AIR102
    return t.id;
  },
});

export const paymentsAgent = new Agent({
  name: "Payments",
  instructions: "Pay the supplier the amount you are asked to pay.",
  tools: [paySupplier],
});
