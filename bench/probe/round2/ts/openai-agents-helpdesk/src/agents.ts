import { Agent, webSearchTool } from "@openai/agents";
import { makeAccountTools } from "./tools/accounts.js";
import { makeItOpsTools } from "./tools/itops.js";
import { makeMailboxTools } from "./tools/mailbox.js";

const ops = makeItOpsTools();

export const itOpsAgent = new Agent({
  name: "IT Ops",
  handoffDescription: "Laptop, VPN, SSO and device problems for employees.",
  instructions:
    "You fix employee device issues. Look the device up first, then run the matching remediation. " +
    "Password resets need a human to confirm.",
  model: "gpt-4.1",
  tools: [ops.lookupDevice, ops.runRemediation, ops.resetPassword],
});

export const accountsAgent = new Agent({
  name: "Accounts",
  handoffDescription: "Customer account changes, deletions and notifications.",
  instructions: "You handle customer account requests and keep the customer informed by email.",
  model: "gpt-4.1-mini",
  tools: makeAccountTools(),
});

export const triageAgent = Agent.create({
  name: "Triage",
  instructions:
    "You read incoming helpdesk tickets and decide who handles them. " +
    "Read the ticket email, look up the customer, search the web for known outages if useful, then hand off.",
  model: "gpt-4.1-mini",
  tools: [...makeMailboxTools(), webSearchTool()],
  handoffs: [itOpsAgent, accountsAgent],
});
