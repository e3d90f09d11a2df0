import { createStep, createWorkflow } from "@mastra/core/workflows";
import { z } from "zod";
import { pool } from "@/lib/db";
import { contentAgent } from "../agents/content-agent";

const draftStep = createStep({
  id: "draft",
  inputSchema: z.object({ topic: z.string(), sources: z.array(z.string().url()) }),
  outputSchema: z.object({ slug: z.string(), title: z.string(), body: z.string() }),
  execute: async ({ inputData }) => {
    const res = await contentAgent.generate(
      `Write a post about "${inputData.topic}" using these sources: ${inputData.sources.join(", ")}. ` +
        `Reply as JSON with slug, title and body.`,
      { output: z.object({ slug: z.string(), title: z.string(), body: z.string() }) },
    );
    return res.object;
  },
});

const editorReview = createStep({
  id: "editor-review",
  inputSchema: z.object({ slug: z.string(), title: z.string(), body: z.string() }),
  outputSchema: z.object({ slug: z.string(), title: z.string(), body: z.string() }),
  resumeSchema: z.object({ approved: z.boolean(), editedBody: z.string().optional() }),
  suspendSchema: z.object({ preview: z.string() }),
  execute: async ({ inputData, resumeData, suspend }) => {
    if (!resumeData) {
      return await suspend({ preview: inputData.body.slice(0, 2000) });
    }
    if (!resumeData.approved) throw new Error("Editor rejected the draft");
    return { ...inputData, body: resumeData.editedBody ?? inputData.body };
  },
});

const publishStep = createStep({
  id: "publish",
  inputSchema: z.object({ slug: z.string(), title: z.string(), body: z.string() }),
  outputSchema: z.object({ id: z.number() }),
  execute: async ({ inputData }) => {
    const { rows } = await pool.query(
      "INSERT INTO posts (slug, title, body, status, published_at) VALUES ($1, $2, $3, 'published', now()) RETURNING id",
      [inputData.slug, inputData.title, inputData.body],
    );
    return { id: rows[0].id };
  },
});

export const publishWorkflow = createWorkflow({
  id: "research-and-publish",
  inputSchema: z.object({ topic: z.string(), sources: z.array(z.string().url()) }),
  outputSchema: z.object({ id: z.number() }),
})
  .then(draftStep)
  .then(editorReview)
  .then(publishStep)
  .commit();
