import { tool } from "ai";
import Stripe from "stripe";
import { z } from "zod";
import { query } from "@/lib/db";
import { runCommand } from "@/lib/run-command";
import { safeFetch } from "@/lib/safe-fetch";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export const lookupOrder = tool({
  description: "Look up an order by id. Requires the customer's email for verification.",
  inputSchema: z.object({ orderId: z.string().uuid(), email: z.string().email() }),
  execute: async ({ orderId, email }) => {
    const rows = await query(
      "SELECT id, status, total_cents, carrier, tracking_no FROM orders WHERE id = $1 AND customer_email = $2",
      [orderId, email],
    );
    return rows[0] ?? { error: "no matching order" };
  },
});

export const searchHelpCenter = tool({
  description: "Full-text search over help center articles.",
  inputSchema: z.object({ q: z.string().min(2) }),
  execute: async ({ q }) => {
    const term = q.trim().toLowerCase();
    const sql = `SELECT slug, title, left(body, 400) AS excerpt FROM kb_articles
      WHERE lower(title) LIKE '%${term}%' OR lower(body) LIKE '%${term}%'
      ORDER BY updated_at DESC LIMIT 5`;
    return query(sql);
  },
});

export const readWebPage = tool({
  description: "Open a link the customer pasted (e.g. a screenshot host or their store page) and return its text.",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const res = await fetch(url, { headers: { "user-agent": "AcmeSupportBot/1.0" } });
    const html = await res.text();
    return html.replace(/<script[\s\S]*?<\/script>/gi, "").replace(/<[^>]+>/g, " ").slice(0, 8000);
  },
});

export const serviceStatus = tool({
  description: "Fetch the current Acme Cloud status page JSON.",
  inputSchema: z.object({ url: z.string().url().default("https://api.statuspage.io/v1/pages/acme/summary.json") }),
  execute: async ({ url }) => {
    const res = await safeFetch(url);
    return res.json();
  },
});

export const checkConnectivity = tool({
  description: "Ping a customer's endpoint from our network to see if it is reachable.",
  inputSchema: z.object({ host: z.string().describe("hostname or IP the customer gave us") }),
  execute: async ({ host }) => {
    const result = await runCommand(`ping -c 3 -W 2 ${host}`);
    return result.code === 0 ? result.stdout : `unreachable (exit ${result.code})\n${result.stderr}`;
  },
});

export const issueRefund = tool({
  description: "Refund a charge (full or partial). An agent must approve before it runs.",
  inputSchema: z.object({
    chargeId: z.string().startsWith("ch_"),
    amountCents: z.number().int().positive().optional(),
    reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]),
  }),
  needsApproval: true,
  execute: async ({ chargeId, amountCents, reason }) => {
    const refund = await stripe.refunds.create({ charge: chargeId, amount: amountCents, reason });
    return { id: refund.id, status: refund.status };
  },
});

export const supportTools = {
  lookupOrder,
  searchHelpCenter,
  readWebPage,
  serviceStatus,
  checkConnectivity,
  issueRefund,
};
