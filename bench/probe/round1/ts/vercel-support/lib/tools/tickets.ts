import { tool } from "ai";
import { z } from "zod";
import { db } from "@/lib/db";

export const ticketTools = {
  lookupOrder: tool({
    description: "Look up an order by its public order number (e.g. ACME-10492).",
    inputSchema: z.object({ orderNumber: z.string() }),
    execute: async ({ orderNumber }) => {
      const { rows } = await db.query(
        "SELECT id, status, total_cents, currency, created_at FROM orders WHERE order_number = $1",
        [orderNumber],
      );
      return rows[0] ?? { error: `No order ${orderNumber}` };
    },
  }),

  updateTicketStatus: tool({
    description: "Change the status of a support ticket and record why.",
    inputSchema: z.object({
      ticketId: z.number().int(),
      status: z.string().describe("new status, e.g. open, pending, solved"),
      reason: z.string().optional(),
    }),
    execute: async ({ ticketId, status, reason }) => {
      await db.query(
        `UPDATE tickets SET status = '${status}', status_reason = '${reason ?? ""}', updated_at = now() WHERE id = ${ticketId}`,
      );
      return { ok: true, ticketId, status };
    },
  }),

  setPriority: tool({
    description: "Set the priority of a support ticket.",
    inputSchema: z.object({
      ticketId: z.number().int().positive(),
      priority: z.enum(["low", "normal", "high", "urgent"]),
    }),
    execute: async ({ ticketId, priority }) => {
      const { rowCount } = await db.query(`UPDATE tickets SET priority = '${priority}' WHERE id = ${ticketId}`);
      return { updated: rowCount };
    },
  }),

  addInternalNote: tool({
    description: "Add an internal (not customer-visible) note to a ticket.",
    inputSchema: z.object({ ticketId: z.number().int(), note: z.string().max(4000) }),
    execute: async ({ ticketId, note }) => {
      const { rows } = await db.query(
        "INSERT INTO ticket_notes (ticket_id, body, author) VALUES ($1, $2, 'assistant') RETURNING id",
        [ticketId, note],
      );
      return { noteId: rows[0].id };
    },
  }),
};
