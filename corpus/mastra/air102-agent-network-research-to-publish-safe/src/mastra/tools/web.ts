import { createTool } from "@mastra/core/tools";
import { z } from "zod";

export const fetchPage = createTool({
  id: "fetch-page",
  description: "Fetch a page and return its text",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ context }) => {
    const res = await fetch(context.url);  // expect: AIR106
    return { text: await res.text() };
  },
});
