import { tool } from "@langchain/core/tools";
import { z } from "zod";

const fetchPage = tool(
  async ({ url }) => {
    const res = await fetch(url, { headers: { accept: "text/html,text/plain" } });
    if (!res.ok) return `HTTP ${res.status} for ${url}`;
    const raw = await res.text();
    return raw
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .slice(0, 12_000);
  },
  {
    name: "fetch_page",
    description: "Download a web page and return its visible text.",
    schema: z.object({ url: z.string().url() }),
  },
);

export default fetchPage;
