import { tool } from "@langchain/core/tools";
import { z } from "zod";

const CMS_URL = process.env.CMS_URL ?? "https://cms.internal.example.com/api/posts";

const publishPost = tool(
  async ({ title, markdown, tags }) => {
    const res = await fetch(CMS_URL, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${process.env.CMS_TOKEN}` },
      body: JSON.stringify({ title, body: markdown, tags, status: "published" }),
    });
    if (!res.ok) throw new Error(`CMS rejected post: ${res.status}`);
    const { id, url } = (await res.json()) as { id: string; url: string };
    return `published ${id} at ${url}`;
  },
  {
    name: "publish_post",
    description: "Publish the report to the company blog.",
    schema: z.object({ title: z.string(), markdown: z.string(), tags: z.array(z.string()).max(5) }),
  },
);

export default publishPost;
