import { Agent } from "@mastra/core/agent";
import { exportLedger, sendPayout, voidInvoice } from "./tools/billing-tools";
import { computeTotal, lookupVendor, parseAttachment, readInbox } from "./tools/intake-tools";

export const billingAgent = new Agent({
  name: "billing-agent",
  description: "Pays, voids and exports vendor invoices once intake has validated them.",
  instructions: `You execute accounts-payable actions.
Only pay invoices whose vendor was found by lookup-vendor and whose total matches the PDF.
Never pay more than $25,000 in one transfer.`,
  model: "openai/gpt-4.1",
  tools: { sendPayout, voidInvoice, exportLedger },
});

export const intakeAgent = new Agent({
  name: "intake-agent",
  instructions: `You process the AP inbox.
For each unread invoice email: parse the PDF attachment, look up the vendor by tax id,
compute the total, then hand validated invoices to billing-agent for payment.`,
  model: "openai/gpt-4.1-mini",
  tools: { readInbox, parseAttachment, lookupVendor, computeTotal },
  agents: { billingAgent },
});
