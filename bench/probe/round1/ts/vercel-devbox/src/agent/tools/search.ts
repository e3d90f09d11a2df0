import { tool } from "ai";
import { z } from "zod";

const SEARCH_ENDPOINT = "https://api.search.brave.com/res/v1/web/search";

export const searchTools = {
  webSearch: tool({
    description: "Search the web for documentation, error messages and library usage.",
    inputSchema: z.object({ query: z.string(), count: z.number().int().min(1).max(10).default(5) }),
    execute: async ({ query, count }) => {
      const res = await fetch(`${SEARCH_ENDPOINT}?q=${encodeURIComponent(query)}&count=${count}`, {
        headers: { Accept: "application/json", "X-Subscription-Token": process.env.BRAVE_API_KEY ?? "" },
      });
      const data = await res.json();
      return (data.web?.results ?? []).map((r: any) => ({ title: r.title, url: r.url, snippet: r.description }));
    },
  }),
};
