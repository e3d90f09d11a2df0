import { createTool } from "@mastra/core/tools";
import { writeFile } from "node:fs/promises";
import pg from "pg";
import Stripe from "stripe";
import { LedgerExportSchema, PayoutSchema, VoidInvoiceSchema } from "../schemas";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");
const pool = new pg.Pool({ connectionString: process.env.AP_DATABASE_URL });

export const sendPayout = createTool({
  id: "send-payout",
  description: "Transfer funds to a vendor's connected Stripe account for an approved invoice.",
  inputSchema: PayoutSchema,
  execute: async ({ vendorAccountId, amountCents, invoiceNumber }) => {
    const transfer = await stripe.transfers.create({
      amount: amountCents,
      currency: "usd",
      destination: vendorAccountId,
      metadata: { invoiceNumber },
    });
    return { transferId: transfer.id };
  },
});

export const voidInvoice = createTool({
  id: "void-invoice",
  description: "Void an open invoice in Stripe.",
  inputSchema: VoidInvoiceSchema,
  requireApproval: true,
  execute: async ({ invoiceId, reason }) => {
    const inv = await stripe.invoices.voidInvoice(invoiceId);
    await pool.query("INSERT INTO ap_audit (invoice_id, action, note) VALUES ($1, 'void', $2)", [invoiceId, reason]);
    return { status: inv.status };
  },
});

export const exportLedger = createTool({
  id: "export-ledger",
  description: "Export the month's payouts as CSV for the accountant.",
  inputSchema: LedgerExportSchema,
  execute: async ({ month, outputPath }) => {
    const { rows } = await pool.query(
      "SELECT paid_at, vendor, invoice_number, amount_cents FROM payouts WHERE to_char(paid_at, 'YYYY-MM') = $1",
      [month],
    );
    const csv = ["paid_at,vendor,invoice_number,amount_cents", ...rows.map((r) => Object.values(r).join(","))];
    await writeFile(outputPath, csv.join("\n"));
    return { rows: rows.length, outputPath };
  },
});
