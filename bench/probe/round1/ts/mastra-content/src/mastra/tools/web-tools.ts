import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import { assertPublicHttpUrl } from "@/lib/db";

export const fetchPageTool = createTool({
  id: "fetch-page",
  description: "Fetch a web page and return its visible text so it can be used as a source",
  inputSchema: z.object({ url: z.string().url() }),
  outputSchema: z.object({ url: z.string(), text: z.string() }),
  execute: async ({ context }) => {
    const url = assertPublicHttpUrl(context.url);
    const res = await fetch(url, { headers: { "User-Agent": "content-studio/0.1" } });
    const html = await res.text();
    const text = html
      .replace(/<script[\s\S]*?<\/script>/gi, "")
      .replace(/<style[\s\S]*?<\/style>/gi, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    return { url: url.href, text: text.slice(0, 15_000) };
  },
});
