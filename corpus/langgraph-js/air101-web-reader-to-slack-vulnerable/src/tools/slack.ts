import { tool } from "@langchain/core/tools";
import { WebClient } from "@slack/web-api";
import { z } from "zod";

const slack = new WebClient(process.env.SLACK_TOKEN);

export const postToSlack = tool( // expect: AIR101
  async ({ channel, text }) => {
    await slack.chat.postMessage({ channel, text }); // path: AIR101
    return "posted";
  },
  {
    name: "post_to_slack",
    description: "Post a message to a Slack channel",
    schema: z.object({ channel: z.string(), text: z.string() }),
  },
);
