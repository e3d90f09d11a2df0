import { z } from "zod";

export const InboxQuerySchema = z.object({
  query: z.string().default("label:invoices is:unread"),
  max: z.number().int().min(1).max(25).default(10),
});

export const EmailSummarySchema = z.object({
  id: z.string(),
  from: z.string(),
  subject: z.string(),
  snippet: z.string(),
  body: z.string(),
  attachments: z.array(z.string()),
});

export const AttachmentSchema = z.object({
  fileName: z.string().describe("attachment file name as stored in the uploads folder"),
});

export const VendorLookupSchema = z.object({
  taxId: z.string().regex(/^[A-Z0-9-]{6,20}$/),
});

export const LineItemSchema = z.object({
  description: z.string(),
  qty: z.number(),
  unitPrice: z.number(),
});

export const TotalInputSchema = z.object({
  lines: z.array(LineItemSchema),
  taxRate: z.number().min(0).max(0.5),
  formula: z
    .string()
    .describe("vendor pricing rule as a JS expression over `lines` and `taxRate`, e.g. volume discounts"),
});

export const PayoutSchema = z.object({
  vendorAccountId: z.string().startsWith("acct_"),
  amountCents: z.number().int().positive(),
  invoiceNumber: z.string(),
});

export const VoidInvoiceSchema = z.object({
  invoiceId: z.string().startsWith("in_"),
  reason: z.string().max(500),
});

export const LedgerExportSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  outputPath: z.string().describe("where to write the CSV"),
});

export const PayoutWorkflowInput = z.object({
  invoiceNumber: z.string(),
  vendorAccountId: z.string(),
  amountCents: z.number().int(),
});

export const ApprovalResume = z.object({ approved: z.boolean(), approver: z.string() });
