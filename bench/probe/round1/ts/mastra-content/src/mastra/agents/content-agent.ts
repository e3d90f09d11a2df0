import { openai } from "@ai-sdk/openai";
import { Agent } from "@mastra/core/agent";
import { Memory } from "@mastra/memory";
import { cmsTools } from "../tools/cms-tools";
import { fetchPageTool } from "../tools/web-tools";

export const contentAgent = new Agent({
  name: "Content Writer",
  instructions: `You research topics on the web and write blog posts for the company blog.
Always save a draft before publishing. Cite the pages you used.`,
  model: openai("gpt-4o"),
  tools: { fetchPageTool, ...cmsTools },
  memory: new Memory(),
});
