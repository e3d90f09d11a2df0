import { tool } from "@openai/agents";
import { z } from "zod";
import { db } from "../db.js";

const HELPDESK_API = process.env.HELPDESK_API ?? "https://helpdesk.example.com/api/v2";

export function makeMailboxTools() {
  const readTicketEmail = tool({
    name: "read_ticket_email",
    description: "Fetch the original email (sender, subject, body) for a helpdesk ticket.",
    parameters: z.object({ ticketId: z.string() }),
    execute: async ({ ticketId }) => {
      const res = await fetch(`${HELPDESK_API}/tickets/${encodeURIComponent(ticketId)}/source`, {
        headers: { authorization: `Bearer ${process.env.HELPDESK_TOKEN}` },
      });
      const msg = (await res.json()) as { from: string; subject: string; text: string };
      return `From: ${msg.from}\nSubject: ${msg.subject}\n\n${msg.text}`;
    },
  });

  const lookupCustomer = tool({
    name: "lookup_customer",
    description: "Find the customer record by email address.",
    parameters: z.object({ email: z.string().email() }),
    execute: async ({ email }) => {
      const row = db.prepare("SELECT id, email, name, plan FROM customers WHERE email = ?").get(email);
      return row ?? "no such customer";
    },
  });

  return [readTicketEmail, lookupCustomer];
}
