import { Agent } from "@mastra/core/agent";
import { checkHost } from "../tools/hosts";
import { readAlerts } from "../tools/mailbox";

export const oncall = new Agent({
  name: "oncall",
  instructions: "Read new alerts and check the hosts they mention.",
  model: "openai/gpt-4o-mini",
  tools: { readAlerts, checkHost },
});

export async function sweep() {
  const res = await oncall.generate("Go through the new alerts.");
  return res.text;
}
