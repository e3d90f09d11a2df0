// case: AIR102 vulnerable. A `createSwarm` team: the researcher reads web search results and holds `createHandoffTool({ agentName: "mailer" })`; the mailer agent's tool sends email through nodemailer with no approval. A page can make the researcher hand off and steer the email.
import { ChatOpenAI } from "@langchain/openai";
import { MemorySaver } from "@langchain/langgraph";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { createSwarm, createHandoffTool } from "@langchain/langgraph-swarm";
import { tool } from "@langchain/core/tools";
import { TavilySearchResults } from "@langchain/community/tools/tavily_search";
import nodemailer from "nodemailer";
import { z } from "zod";

const llm = new ChatOpenAI({ model: "gpt-4.1" });
const transport = nodemailer.createTransport({ host: "smtp.example.com", port: 587 });

const sendEmail = tool( // expect: AIR102
  async ({ to, subject, body }) => {
    await transport.sendMail({ from: "support@example.com", to, subject, text: body });
    return "sent";
  },
  {
    name: "send_email",
    description: "Email a customer",
    schema: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
  },
);

const researcher = createReactAgent({
  llm,
  tools: [new TavilySearchResults(), createHandoffTool({ agentName: "mailer" })],
  name: "researcher",
});
const mailer = createReactAgent({ llm, tools: [sendEmail], name: "mailer" });

export const app = createSwarm({ agents: [researcher, mailer], defaultActiveAgent: "researcher" }).compile({
  checkpointer: new MemorySaver(),
});
