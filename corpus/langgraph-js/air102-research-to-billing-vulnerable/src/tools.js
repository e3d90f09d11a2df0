// Tools in plain JavaScript (ES module), with a `DynamicStructuredTool`.
import { DynamicStructuredTool } from "@langchain/core/tools";
import { TavilySearch } from "@langchain/tavily";
import Stripe from "stripe";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_KEY);

export const webSearch = new TavilySearch({ maxResults: 3 }); // path: AIR102

export const refundTool = new DynamicStructuredTool({ // expect: AIR102
  name: "refund_order",
  description: "Refund an order's charge",
  schema: z.object({ chargeId: z.string() }),
  func: async ({ chargeId }) => {
    const refund = await stripe.refunds.create({ charge: chargeId });
    return refund.status;
  },
});
