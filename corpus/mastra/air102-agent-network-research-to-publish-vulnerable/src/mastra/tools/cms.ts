import { createTool } from "@mastra/core/tools";
import { writeFile } from "node:fs/promises";
import { z } from "zod";

const SITE_DIR = "/var/www/blog/posts";

export const publishPost = createTool({ // expect: AIR102
  id: "publish-post",
  description: "Publish a post on the live blog",
  inputSchema: z.object({ slug: z.string().regex(/^[a-z0-9-]+$/), markdown: z.string() }),
  execute: async ({ context }) => {
    await writeFile(`${SITE_DIR}/${context.slug}.md`, context.markdown); // known-false-positive: AIR106 the slug is checked by the input schema (`z.string().regex(/^[a-z0-9-]+$/)`) before `execute` runs; zod schema constraints are not read yet
    return { published: context.slug };
  },
});
