// case: AIR102 safe. Same supervisor team, but the payer agent pauses before every tool call (`interruptBefore: ["tools"]`, with a checkpointer), so a human approves each payout.
import { ChatOpenAI } from "@langchain/openai";
import { MemorySaver } from "@langchain/langgraph";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { createSupervisor } from "@langchain/langgraph-supervisor";
import { tool } from "@langchain/core/tools";
import { TavilySearchResults } from "@langchain/community/tools/tavily_search";
import Stripe from "stripe";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_KEY!);
const llm = new ChatOpenAI({ model: "gpt-4.1" });

const payVendor = tool(
  async ({ account, cents }) => {
    const p = await stripe.payouts.create({ amount: cents, currency: "usd", destination: account });
    return p.id;
  },
  {
    name: "pay_vendor",
    description: "Pay a vendor's invoice",
    schema: z.object({ account: z.string(), cents: z.number() }),
  },
);

const researcher = createReactAgent({ llm, tools: [new TavilySearchResults()], name: "researcher" });
const payer = createReactAgent({
  llm,
  tools: [payVendor],
  name: "payer",
  interruptBefore: ["tools"],
  checkpointSaver: new MemorySaver(),
});

export const app = createSupervisor({
  agents: [researcher, payer],
  llm,
  prompt: "Research vendors, then pay the invoices that check out.",
}).compile({ checkpointer: new MemorySaver() });
