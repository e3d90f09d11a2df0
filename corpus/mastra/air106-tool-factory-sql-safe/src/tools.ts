// case: AIR106 (safe) — tools are made by a factory that closes over a database client; the lookup tool
// interpolates the model's customer id into its SQL.
import { createTool } from "@mastra/core/tools";
import type { Client } from "pg";
import { z } from "zod";

export function makeCrmTools(db: Client) {
  const invoicesFor = createTool({
    id: "invoices-for",
    description: "List a customer's unpaid invoices",
    inputSchema: z.object({ customerId: z.string() }),
    execute: async ({ context }) => {
      const result = await db.query(
        "SELECT id, amount FROM invoices WHERE customer_id = $1 AND paid = false",
        [context.customerId],
      );
      return result.rows;
    },
  });
  return { invoicesFor };
}
