import { createTool } from "@mastra/core/tools";
import { google } from "googleapis";
import { readFile } from "node:fs/promises";
import path from "node:path";
import vm from "node:vm";
import pdf from "pdf-parse";
import pg from "pg";
import {
  AttachmentSchema,
  EmailSummarySchema,
  InboxQuerySchema,
  TotalInputSchema,
  VendorLookupSchema,
} from "../schemas";

const UPLOAD_DIR = process.env.AP_UPLOAD_DIR ?? "/srv/ap/uploads";
const pool = new pg.Pool({ connectionString: process.env.AP_DATABASE_URL });

const auth = new google.auth.OAuth2(process.env.GMAIL_CLIENT_ID, process.env.GMAIL_CLIENT_SECRET);
auth.setCredentials({ refresh_token: process.env.GMAIL_REFRESH_TOKEN });
const gmail = google.gmail({ version: "v1", auth });

export const readInbox = createTool({
  id: "read-inbox",
  description: "List unread messages in the accounts-payable mailbox, with plain-text bodies.",
  inputSchema: InboxQuerySchema,
  outputSchema: EmailSummarySchema.array(),
  execute: async ({ query, max }) => {
    const list = await gmail.users.messages.list({ userId: "me", q: query, maxResults: max });
    const out = [];
    for (const { id } of list.data.messages ?? []) {
      const { data } = await gmail.users.messages.get({ userId: "me", id: id!, format: "full" });
      const headers = Object.fromEntries((data.payload?.headers ?? []).map((h) => [h.name, h.value]));
      const textPart = data.payload?.parts?.find((p) => p.mimeType === "text/plain");
      out.push({
        id: id!,
        from: headers.From ?? "",
        subject: headers.Subject ?? "",
        snippet: data.snippet ?? "",
        body: Buffer.from(textPart?.body?.data ?? "", "base64").toString("utf8"),
        attachments: (data.payload?.parts ?? []).filter((p) => p.filename).map((p) => p.filename!),
      });
    }
    return out;
  },
});

export const parseAttachment = createTool({
  id: "parse-attachment",
  description: "Extract the text of an invoice PDF that the mail sync saved to the uploads folder.",
  inputSchema: AttachmentSchema,
  execute: async ({ fileName }) => {
    const file = path.join(UPLOAD_DIR, path.basename(fileName));
    const buf = await readFile(file);
    const parsed = await pdf(buf);
    return { pages: parsed.numpages, text: parsed.text.slice(0, 20_000) };
  },
});

export const lookupVendor = createTool({
  id: "lookup-vendor",
  description: "Find the vendor record (and Stripe connected account) for a tax id.",
  inputSchema: VendorLookupSchema,
  execute: async ({ taxId }) => {
    const { rows } = await pool.query(
      "SELECT id, legal_name, stripe_account_id, payment_terms FROM vendors WHERE tax_id = $1",
      [taxId],
    );
    return rows[0] ?? null;
  },
});

export const computeTotal = createTool({
  id: "compute-total",
  description: "Compute an invoice total, applying the vendor's pricing formula from the invoice terms.",
  inputSchema: TotalInputSchema,
  execute: async ({ lines, taxRate, formula }) => {
    const sandbox = { lines, taxRate, Math };
    const subtotal = vm.runInNewContext(formula, sandbox, { timeout: 250 });
    return { subtotal, total: Math.round(Number(subtotal) * (1 + taxRate) * 100) / 100 };
  },
});
