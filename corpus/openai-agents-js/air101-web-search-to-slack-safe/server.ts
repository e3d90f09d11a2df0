// case: AIR101 safe. The same agent with `needsApproval: true` on both the Slack and the email
// tool: every post and every email waits for a person.
import express from "express";
import { Agent, run, tool, webSearchTool } from "@openai/agents";
import { WebClient } from "@slack/web-api";
import nodemailer from "nodemailer";
import { z } from "zod";

const slack = new WebClient(process.env.SLACK_TOKEN);
const mailer = nodemailer.createTransport({ host: "smtp.example.com" });

const postToSlack = tool({
  name: "post_to_slack",
  description: "Post a message to a Slack channel",
  parameters: z.object({ channel: z.string(), text: z.string() }),
  needsApproval: true,
  execute: async ({ channel, text }) => {
    await slack.chat.postMessage({ channel, text });
    return "posted";
  },
});

const sendEmail = tool({
  name: "send_email",
  description: "Email a colleague",
  parameters: z.object({ to: z.string(), body: z.string() }),
  needsApproval: true,
  execute: async ({ to, body }) => {
    await mailer.sendMail({ to, subject: "Research notes", text: body });
    return "sent";
  },
});

const researcher = Agent.create({
  name: "Researcher",
  instructions: "Research the question on the web and share what you find.",
  tools: [webSearchTool(), postToSlack, sendEmail],
});

const app = express();
app.use(express.json());
app.post("/ask", async (req, res) => {
  const result = await run(researcher, req.body.question);
  res.json({ answer: result.finalOutput });
});
app.listen(3000);
