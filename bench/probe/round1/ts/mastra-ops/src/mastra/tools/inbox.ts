import { createTool } from "@mastra/core/tools";
import { ImapFlow } from "imapflow";
import { simpleParser } from "mailparser";
import { z } from "zod";

export const readAlertInbox = createTool({
  id: "read-alert-inbox",
  description: "Read the most recent unread messages from the alerts@ mailbox (PagerDuty, Grafana, customer reports)",
  inputSchema: z.object({ limit: z.number().int().min(1).max(20).default(5) }),
  execute: async ({ context }) => {
    const client = new ImapFlow({
      host: process.env.IMAP_HOST!,
      port: 993,
      secure: true,
      auth: { user: process.env.IMAP_USER!, pass: process.env.IMAP_PASSWORD! },
      logger: false,
    });
    await client.connect();
    const messages: Array<{ from: string; subject: string; text: string }> = [];
    const lock = await client.getMailboxLock("INBOX");
    try {
      for await (const msg of client.fetch({ seen: false }, { source: true })) {
        const parsed = await simpleParser(msg.source!);
        messages.push({
          from: parsed.from?.text ?? "",
          subject: parsed.subject ?? "",
          text: (parsed.text ?? "").slice(0, 4000),
        });
        if (messages.length >= context.limit) break;
      }
    } finally {
      lock.release();
      await client.logout();
    }
    return { messages };
  },
});
