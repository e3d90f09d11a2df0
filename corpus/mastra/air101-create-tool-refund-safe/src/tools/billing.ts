import { createTool } from "@mastra/core/tools";
import Stripe from "stripe";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_KEY!);

export const lookupTool = createTool({
  id: "lookup-charge",
  description: "Look up a charge",
  inputSchema: z.object({ chargeId: z.string() }),
  execute: async ({ context }) => ({ id: context.chargeId }),
});

export const refundTool = createTool({
  id: "refund-charge",
  description: "Refund a charge",
  inputSchema: z.object({ chargeId: z.string() }),
  requireApproval: true,
  execute: async ({ context }) => stripe.refunds.create({ charge: context.chargeId }),
});
