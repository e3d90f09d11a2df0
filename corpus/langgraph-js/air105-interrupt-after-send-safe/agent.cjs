// case: AIR105 safe. CommonJS (`require`): the payout tool asks a human with `interrupt()`
// before the transfer, and the agent has a checkpointer to resume from.
const { interrupt, MemorySaver } = require("@langchain/langgraph");
const { createReactAgent } = require("@langchain/langgraph/prebuilt");
const { ChatOpenAI } = require("@langchain/openai");
const { tool } = require("@langchain/core/tools");
const Stripe = require("stripe");
const { z } = require("zod");

const stripe = new Stripe(process.env.STRIPE_KEY);

const payout = tool(
  async ({ vendor, amount }) => {
    const ok = interrupt({ question: `Pay ${amount} to ${vendor}?` });
    if (!ok) {
      return "cancelled";
    }
    const t = await stripe.transfers.create({ destination: vendor, amount, currency: "usd" });
    return t.id;
  },
  { name: "pay_vendor", description: "Pay a vendor", schema: z.object({ vendor: z.string(), amount: z.number() }) },
);

module.exports.agent = createReactAgent({
  llm: new ChatOpenAI({ model: "gpt-4.1" }),
  tools: [payout],
  checkpointSaver: new MemorySaver(),
});
