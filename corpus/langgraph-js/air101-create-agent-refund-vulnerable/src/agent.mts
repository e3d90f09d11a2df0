// case: AIR101 vulnerable. `createAgent` from `langchain` v1 holds Tavily web search and a
// Stripe refund tool (a named function passed to `tool(fn, { name })`, in an `.mts` module);
// the HITL middleware lists only the search tool, so refunds run unapproved.
import { createAgent, humanInTheLoopMiddleware } from "langchain";
import { TavilySearch } from "@langchain/tavily";
import { MemorySaver } from "@langchain/langgraph";
import { issueRefund } from "./refunds.mjs";

const search = new TavilySearch({ maxResults: 5 }); // path: AIR101

export const agent = createAgent({
  model: "openai:gpt-4.1",
  tools: [search, issueRefund],
  systemPrompt: "You are a support agent. Look up the customer's issue, then resolve it.",
  middleware: [
    humanInTheLoopMiddleware({
      interruptOn: { tavily_search: { allowedDecisions: ["approve", "reject"] } },
    }),
  ],
  checkpointer: new MemorySaver(),
});
