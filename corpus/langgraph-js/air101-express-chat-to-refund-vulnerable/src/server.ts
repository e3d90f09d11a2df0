// case: AIR101 vulnerable. An Express endpoint passes the customer's chat message to a
// `createReactAgent` agent that can refund charges with no approval: the customer (or text they
// paste) steers refunds. Source: the request handler (`app.post("/chat", ...)`).
import express from "express";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { MemorySaver } from "@langchain/langgraph";
import { ChatOpenAI } from "@langchain/openai";
import { tool } from "@langchain/core/tools";
import Stripe from "stripe";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_KEY!);

const refund = tool( // expect: AIR101
  async ({ chargeId, amount }) => {
    const r = await stripe.refunds.create({ charge: chargeId, amount });
    return r.status;
  },
  { name: "refund", description: "Refund a charge", schema: z.object({ chargeId: z.string(), amount: z.number() }) },
);

const agent = createReactAgent({
  llm: new ChatOpenAI({ model: "gpt-4.1" }),
  tools: [refund],
  checkpointSaver: new MemorySaver(),
});

const app = express();
app.use(express.json());

app.post("/chat", async (req, res) => {
  const result = await agent.invoke( // path: AIR101
    { messages: [{ role: "user", content: req.body.message }] },
    { configurable: { thread_id: req.body.threadId } },
  );
  res.json(result.messages.at(-1));
});

app.listen(3000);
