// case: AIR101 vulnerable. One agent (`Agent.create`) both searches the web (hosted
// `webSearchTool()`) and posts to Slack (`tool({ execute })` with `@slack/web-api`
// `chat.postMessage`), run from an Express route with the request body as input: a page the
// agent reads can make it post anything. The email tool is gated with a predicate
// (`needsApproval: async () => ...`), a weaker, conditional gate.
import express from "express";
import { Agent, run, tool, webSearchTool } from "@openai/agents";
import { WebClient } from "@slack/web-api";
import nodemailer from "nodemailer";
import { z } from "zod";

const slack = new WebClient(process.env.SLACK_TOKEN);
const mailer = nodemailer.createTransport({ host: "smtp.example.com" });

const postToSlack = tool({ // expect: AIR101
  name: "post_to_slack",
  description: "Post a message to a Slack channel",
  parameters: z.object({ channel: z.string(), text: z.string() }),
  execute: async ({ channel, text }) => {
    await slack.chat.postMessage({ channel, text }); // path: AIR101
    return "posted";
  },
});

const sendEmail = tool({ // expect: AIR101
  name: "send_email",
  description: "Email a colleague",
  parameters: z.object({ to: z.string(), body: z.string() }),
  needsApproval: async (_ctx, { to }) => !to.endsWith("@example.com"),
  execute: async ({ to, body }) => {
    await mailer.sendMail({ to, subject: "Research notes", text: body });
    return "sent";
  },
});

const researcher = Agent.create({
  name: "Researcher",
  instructions: "Research the question on the web and share what you find.",
  tools: [webSearchTool(), postToSlack, sendEmail], // path: AIR101
});

const app = express();
app.use(express.json());
app.post("/ask", async (req, res) => {
  const result = await run(researcher, req.body.question);
  res.json({ answer: result.finalOutput });
});
app.listen(3000);
