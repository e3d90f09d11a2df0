import { createTool } from "@mastra/core/tools";
import { ImapFlow } from "imapflow";
import { simpleParser } from "mailparser";
import { z } from "zod";

export const readAlerts = createTool({
  id: "read-alerts",
  description: "Read the newest unread messages of the alerts mailbox",
  inputSchema: z.object({ limit: z.number().int().max(20).default(5) }),
  execute: async ({ context }) => {
    const client = new ImapFlow({ host: process.env.IMAP_HOST!, port: 993, secure: true, logger: false });
    await client.connect();
    const out: string[] = [];
    const lock = await client.getMailboxLock("INBOX");
    try {
      for await (const msg of client.fetch({ seen: false }, { source: true })) {
        const mail = await simpleParser(msg.source!);
        out.push(`${mail.subject}\n${mail.text ?? ""}`);
        if (out.length >= context.limit) break;
      }
    } finally {
      lock.release();
      await client.logout();
    }
    return { alerts: out };
  },
});
