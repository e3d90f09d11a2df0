// case: AIR102 (safe) — a release agent asks a research agent (run inside one of its tools) about a
// dependency; the research agent reads web pages, and its answer comes back to the release agent,
// which holds a deploy tool.
import { ToolLoopAgent, tool } from "ai";
import { openai } from "@ai-sdk/openai";
import { z } from "zod";

const readPage = tool({
  description: "Fetch a web page as text",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const page = await fetch(url);  // expect: AIR106
    return page.text();
  },
});

export const researcher = new ToolLoopAgent({
  model: openai("gpt-4.1-mini"),
  instructions: "Answer questions about third-party packages from their docs and changelogs.",
  tools: { readPage },
});

const askResearcher = tool({
  description: "Ask the research agent a question",
  inputSchema: z.object({ question: z.string() }),
  execute: async ({ question }) => {
    const answer = await researcher.generate({ prompt: question });
    return answer.text;
  },
});

const deploy = tool({
  description: "Deploy a service version to production",
  // The release manager approves every deployment in the chat UI.
  needsApproval: true,
  inputSchema: z.object({ service: z.string(), version: z.string() }),
  execute: async ({ service, version }) => {
    const res = await fetch(`https://deploy.internal.example/api/${service}`, {
      method: "POST",
      body: JSON.stringify({ version }),
    });
    return res.json();
  },
});

export const releaser = new ToolLoopAgent({
  model: openai("gpt-4.1"),
  instructions: "Decide whether a dependency bump is safe, then ship it.",
  tools: { askResearcher, deploy },
});
