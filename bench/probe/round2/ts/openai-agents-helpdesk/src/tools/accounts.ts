import { tool } from "@openai/agents";
import nodemailer from "nodemailer";
import { z } from "zod";
import { db } from "../db.js";

const transporter = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: 587,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

export function makeAccountTools() {
  const notifyCustomer = tool({
    name: "notify_customer",
    description: "Email the customer an update about their ticket.",
    parameters: z.object({ to: z.string().email(), subject: z.string(), body: z.string() }),
    execute: async ({ to, subject, body }) => {
      const info = await transporter.sendMail({ from: "support@example.com", to, subject, text: body });
      return `sent ${info.messageId}`;
    },
  });

  const deleteAccount = tool({
    name: "delete_account",
    description: "Permanently delete a customer account (GDPR erasure request).",
    parameters: z.object({ customerId: z.number().int() }),
    needsApproval: true,
    execute: async ({ customerId }) => {
      const info = db.prepare("DELETE FROM customers WHERE id = ?").run(customerId);
      return info.changes ? "deleted" : "no such customer";
    },
  });

  return [notifyCustomer, deleteAccount];
}
