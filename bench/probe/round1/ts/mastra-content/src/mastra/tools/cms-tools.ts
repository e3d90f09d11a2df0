import { createTool } from "@mastra/core/tools";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { DRAFTS_DIR, pool } from "@/lib/db";

export const saveDraft = createTool({
  id: "save-draft",
  description: "Save a markdown draft for an article to the drafts folder",
  inputSchema: z.object({ slug: z.string(), title: z.string(), markdown: z.string() }),
  execute: async ({ context }) => {
    const { slug, title, markdown } = context;
    const file = path.resolve(DRAFTS_DIR, `${slug}.md`);
    if (!file.startsWith(DRAFTS_DIR + path.sep)) {
      throw new Error(`invalid slug: ${slug}`);
    }
    await mkdir(DRAFTS_DIR, { recursive: true });
    await writeFile(file, `---\ntitle: ${JSON.stringify(title)}\n---\n\n${markdown}\n`);
    return { saved: path.relative(process.cwd(), file) };
  },
});

export const publishPost = createTool({
  id: "publish-post",
  description: "Publish an article to the live site",
  inputSchema: z.object({ slug: z.string(), title: z.string(), body: z.string() }),
  requireApproval: true,
  execute: async ({ context: { slug, title, body } }) => {
    const { rows } = await pool.query(
      `INSERT INTO posts (slug, title, body, status, published_at)
       VALUES ($1, $2, $3, 'published', now())
       ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, status = 'published'
       RETURNING id`,
      [slug, title, body],
    );
    return { id: rows[0].id, url: `https://blog.example.com/${slug}` };
  },
});

export const unpublishPost = createTool({
  id: "unpublish-post",
  description: "Take a published article offline (sets it back to draft)",
  inputSchema: z.object({ slug: z.string() }),
  requireApproval: true,
  execute: async ({ context }) => {
    const res = await pool.query(`UPDATE posts SET status = 'draft', published_at = NULL WHERE slug = '${context.slug}'`);
    return { updated: res.rowCount };
  },
});

export const cmsTools = { saveDraft, publishPost, unpublishPost };
