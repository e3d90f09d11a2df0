// case: AIR102 safe. Same swarm, but `send_email` asks a person with `interrupt()` before it sends (the swarm's checkpointer makes the pause resumable), so a page cannot send email unreviewed.
import { ChatOpenAI } from "@langchain/openai";
import { MemorySaver, interrupt } from "@langchain/langgraph";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { createSwarm, createHandoffTool } from "@langchain/langgraph-swarm";
import { tool } from "@langchain/core/tools";
import { TavilySearchResults } from "@langchain/community/tools/tavily_search";
import nodemailer from "nodemailer";
import { z } from "zod";

const llm = new ChatOpenAI({ model: "gpt-4.1" });
const transport = nodemailer.createTransport({ host: "smtp.example.com", port: 587 });

const sendEmail = tool(
  async ({ to, subject, body }) => {
    if (interrupt({ send_email: { to, subject } }) !== "approve") {
      return "not sent: a person declined";
    }
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
