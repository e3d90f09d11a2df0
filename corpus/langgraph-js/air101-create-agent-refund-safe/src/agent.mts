// case: AIR101 safe. The same agent; the HITL middleware's `interruptOn` names the refund
// tool by the name given in `tool(fn, { name: "issue_refund" })`, with a checkpointer.
import { createAgent, humanInTheLoopMiddleware } from "langchain";
import { TavilySearch } from "@langchain/tavily";
import { MemorySaver } from "@langchain/langgraph";
import { issueRefund } from "./refunds.mjs";

const search = new TavilySearch({ maxResults: 5 });

export const agent = createAgent({
  model: "openai:gpt-4.1",
  tools: [search, issueRefund],
  systemPrompt: "You are a support agent. Look up the customer's issue, then resolve it.",
  middleware: [
    humanInTheLoopMiddleware({
      interruptOn: { issue_refund: { allowedDecisions: ["approve", "edit", "reject"] }, tavily_search: false },
    }),
  ],
  checkpointer: new MemorySaver(),
});
