import { Agent } from "@mastra/core/agent";
import { Client } from "pg";
import { makeCrmTools } from "./tools";

const db = new Client({ connectionString: process.env.CRM_DATABASE_URL });

export const collections = new Agent({
  name: "collections",
  instructions: "Help the finance team chase unpaid invoices.",
  model: "openai/gpt-4.1-mini",
  tools: makeCrmTools(db),
});
