import { tool } from "ai";
import nodemailer from "nodemailer";
import { z } from "zod";

const transporter = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: Number(process.env.SMTP_PORT ?? 587),
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
});

const HELPDESK_API = "https://helpdesk.internal.acme.test/api/v2";

export const mailTools = {
  getCustomerThread: tool({
    description: "Fetch the full email thread between the customer and support for a ticket.",
    inputSchema: z.object({ ticketId: z.number().int() }),
    execute: async ({ ticketId }) => {
      const res = await fetch(`${HELPDESK_API}/tickets/${ticketId}/messages`, {
        headers: { Authorization: `Bearer ${process.env.HELPDESK_TOKEN}` },
      });
      if (!res.ok) return { error: `helpdesk returned ${res.status}` };
      const messages: Array<{ from: string; body: string }> = await res.json();
      return messages.map((m) => `From: ${m.from}\n${m.body}`).join("\n---\n");
    },
  }),

  sendEmail: tool({
    description: "Send an email reply to the customer.",
    inputSchema: z.object({
      to: z.email(),
      subject: z.string().max(200),
      body: z.string(),
    }),
    needsApproval: true,
    execute: async ({ to, subject, body }) => {
      const info = await transporter.sendMail({ from: '"Acme Support" <support@acme.test>', to, subject, text: body });
      return { messageId: info.messageId };
    },
  }),
};
