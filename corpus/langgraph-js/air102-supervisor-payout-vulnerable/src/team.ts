// case: AIR102 vulnerable. A `createSupervisor` team: the researcher reads web search results, the supervisor routes between its members, and the payer agent's tool creates Stripe payouts with no approval. A page can steer a payout through the supervisor.
import { ChatOpenAI } from "@langchain/openai";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { createSupervisor } from "@langchain/langgraph-supervisor";
import { tool } from "@langchain/core/tools";
import { TavilySearchResults } from "@langchain/community/tools/tavily_search";
import Stripe from "stripe";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_KEY!);
const llm = new ChatOpenAI({ model: "gpt-4.1" });

const payVendor = tool( // expect: AIR102
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

const researcher = createReactAgent({ llm, tools: [new TavilySearchResults()], name: "researcher" }); // path: AIR102
const payer = createReactAgent({ llm, tools: [payVendor], name: "payer" });

export const app = createSupervisor({
  agents: [researcher, payer],
  llm,
  prompt: "Research vendors, then pay the invoices that check out.",
}).compile();
